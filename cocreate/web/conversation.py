"""What the conversation under an entry shows (partials/_comments.html): the entry's page
includes it, and the comment forms' htmx answers are it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from cocreate.http import current_user
from cocreate.read_models import entry as entry_model
from cocreate.services.conversation import reactions
from cocreate.services.entries import entries
from cocreate.services.moderation import comment_moderation, moderation

if TYPE_CHECKING:
    from cocreate.models import Entry, User

TEMPLATE = "partials/_comments.html"


async def thread_parts(viewer: User | None, entry: Entry) -> dict[str, Any]:
    return thread_vars(await entry_model.conversation(entry_model.Viewing(viewer, entry)))


def thread_vars(talk: entry_model.Conversation) -> dict[str, Any]:
    """What the conversation partial needs besides the entry (the entry page's too)."""
    return {"thread": talk.thread, "can_hide": talk.can_hide, "editable": talk.editable,
            "comment_form": {}, "reaction_kinds": reactions.KINDS,
            "report_reasons": moderation.REASONS,
            "pending_review": comment_moderation.hidden_by_reports, "reacted": talk.reacted}


async def thread_context(request: Request, entry_id: str, **extra: Any) -> dict[str, Any]:
    viewer = current_user(request)
    entry = await entries.view_entry(viewer, entry_id)
    return {"entry": entry, **await thread_parts(viewer, entry), "errors": {}, **extra}
