"""Saved replies: notes managers reuse to thank people, with `{name}` where the person's
first name goes.

Every acknowledgement is addressed to one person, so a saved reply must hold the
placeholder: filled in, it names whoever it thanks. The filled note stays a draft the
manager may edit, and `acknowledgements.acknowledge` still checks that it names them.
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, Invalid, NotFound
from cocreate.models import Organization, SavedReply, User
from cocreate.services.accounts import accounts
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries
from cocreate.services.orgs import orgs
from cocreate.services.recognition import acknowledgements
from cocreate.services.scores import scores

PLACEHOLDER = "{name}"
MAX_TITLE = 80
MAX_BODY = 1000
MAX_PER_ORG = 50


async def of_org(actor: User, org_slug: str) -> list[SavedReply]:
    """The organization's saved replies, by title (managers)."""
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    return await SavedReply.filter(org=org).select_related("created_by").order_by("title", "id")


async def get(actor: User, org_slug: str, reply_id: str) -> SavedReply:
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    return await _find(org, reply_id)


async def create(actor: User, org_slug: str, title: str | None, body: str | None) -> SavedReply:
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    title, body = _validated(title, body)
    async with in_transaction():
        # Lock the organization so two managers adding at once cannot pass the cap together.
        await Organization.filter(id=org.id).select_for_update().first()
        if await SavedReply.filter(org=org).count() >= MAX_PER_ORG:
            raise Conflict(f"{org.name} has {MAX_PER_ORG} saved replies, the most it can keep: "
                           "delete one you no longer use first.")
        try:
            reply = await SavedReply.create(org=org, title=title, body=body, created_by=actor)
        except IntegrityError as error:
            raise _taken(title) from error
        await audit.record(org.id, actor, "saved_reply.create", "saved_reply", reply.id,
                           f"Saved the reply “{title}”")
    return await SavedReply.get(id=reply.id).select_related("created_by")


async def update(actor: User, org_slug: str, reply_id: str, title: str | None = None,
                 body: str | None = None) -> SavedReply:
    """Change the title, the body or both; what is left out stays as it was."""
    reply = await get(actor, org_slug, reply_id)
    title, body = _validated(reply.title if title is None else title,
                             reply.body if body is None else body)
    async with in_transaction():
        try:
            await SavedReply.filter(id=reply.id).update(title=title, body=body)
        except IntegrityError as error:
            raise _taken(title) from error
        await audit.record(reply.org_id, actor, "saved_reply.update", "saved_reply", reply.id,
                           f"Changed the saved reply “{title}”")
    return await SavedReply.get(id=reply.id).select_related("created_by")


async def delete(actor: User, org_slug: str, reply_id: str) -> None:
    reply = await get(actor, org_slug, reply_id)
    async with in_transaction():
        await SavedReply.filter(id=reply.id).delete()
        await audit.record(reply.org_id, actor, "saved_reply.delete", "saved_reply", reply.id,
                           f"Deleted the saved reply “{reply.title}”")


def fill(reply: SavedReply, person: User) -> str:
    """The reply addressed to `person`. A plain replace: user text never meets str.format."""
    return reply.body.replace(PLACEHOLDER, acknowledgements.first_name(person))


async def note_for(actor: User, entry_id: str, reply_id: str | None,
                   handle: str | None = None, org_slug: str | None = None) -> str:
    """A saved reply of the entry's organization, filled in for its author or for `handle`
    among its team; no reply gives the plain greeting (`acknowledgements.draft`).
    `org_slug`, when given, must be the entry's organization."""
    entry = await entries.get_entry(entry_id)
    org = entry.campaign.org
    if org_slug is not None and org.slug != org_slug:
        raise NotFound("There is no entry at this address in your campaigns.")
    await orgs.require_manager(actor, org)
    reply = await _find(org, reply_id) if reply_id else None
    person = entry.author
    wanted = (handle or "").strip().lstrip("@")
    if wanted and wanted != person.handle:
        try:
            person = await accounts.get_by_handle(wanted)
        except NotFound as error:
            raise Invalid("There is nobody with this handle.",
                          {"handle": "There is nobody with this handle."}) from error
        if person.id not in await scores.credited(entry):
            raise Invalid("Thank someone who made this entry.",
                          {"handle": "Thank someone who made this entry."})
    return fill(reply, person) if reply else acknowledgements.draft(person)


def _validated(title: str | None, body: str | None) -> tuple[str, str]:
    errors = FieldErrors()
    title = errors.text("title", title, label="Title", max_len=MAX_TITLE)
    body = errors.text("body", body, label="Reply", max_len=MAX_BODY, multiline=True)
    if body and PLACEHOLDER not in body:
        errors.add("body", "A saved reply must name the person: put {name} where their "
                           "first name goes, e.g. “Thanks, {name}: …”.")
    errors.raise_if_any()
    return title, body


def _taken(title: str) -> Conflict:
    return Conflict(f"You already have a saved reply called “{title}”.",
                    {"title": "Another saved reply has this title."})


async def _find(org: Organization, reply_id: str) -> SavedReply:
    reply = await SavedReply.get_or_none(id=reply_id, org=org).select_related("created_by")
    if reply is None:
        raise NotFound("There is no such saved reply.")
    return reply
