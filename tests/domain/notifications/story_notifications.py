"""The mail the embedded default wrote (one .eml file per message in MAIL_DIR), and a reply
that tells someone something."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

from cocreate.models import Comment, User
from cocreate.services.conversation import comments
from cocreate.services.core.context import Deps
from tests.domain.story import idea, launch, person


def mails(deps: Deps) -> list[EmailMessage]:
    folder = deps.settings.mail_dir
    return [message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[misc]
            for path in sorted(folder.glob("*.eml"))] if folder.is_dir() else []


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return body.get_content()


async def answered(deps: Deps, fan: User) -> Comment:
    """`fan` asks on someone's idea and its author replies: `fan` is told of the reply."""
    author = await person("Author")
    entry = await idea(deps, author, await launch(await person("Manager")))
    question = await comments.post(deps, fan, entry.id, "Is it very hot?")
    return await comments.post(deps, author, entry.id, "Just warm.", parent_id=question.id)
