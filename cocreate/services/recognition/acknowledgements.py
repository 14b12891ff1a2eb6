"""Acknowledgements: the brand thanks one person, by name, for one contribution.

Each note is addressed to one person, must name them and say something of its own: a
thank-you that could be pasted under anything, or the greeting alone, is not an
acknowledgement. It is shown on the entry for everyone, tells the
person at once, and earns them the Recognized badge (awarded by a worker).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import Acknowledgement, Entry, EntryStatus, NotificationKind, User
from cocreate.services.accounts import accounts
from cocreate.services.core import audit, events
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries
from cocreate.services.notifications import notifications
from cocreate.services.orgs import orgs
from cocreate.services.scores import scores

MAX_NOTE = 1000
OWN_LETTERS = 5  # letters a note needs besides the greeting and the person's name
GREETING_WORDS = frozenset({"thanks", "thank", "you", "so", "much", "many", "dear", "hi",
                            "hello", "hey"})


def first_name(person: User) -> str:
    return (person.display_name.split() or [person.handle])[0]


def own_letters(note: str, person_name: str) -> int:
    """How many letters of a note are its own: not the greeting, not the person's name."""
    skipped = GREETING_WORDS | set(re.findall(r"\w+", person_name.casefold()))
    return sum(len(word) for word in re.findall(r"\w+", note.casefold())
               if word not in skipped)


def draft(person: User) -> str:
    """How a note to `person` may start (managers make the rest their own)."""
    return f"Thanks, {first_name(person)}: "


async def acknowledge(actor: User, entry_id: str, note: str | None,
                      handle: str | None = None) -> Acknowledgement:
    entry = await entries.view_entry(actor, entry_id)  # who may not see it: 404, like /e/<id>
    await orgs.require_manager(actor, entry.campaign.org)
    if entry.status != EntryStatus.PUBLISHED:
        raise Forbidden("Only public entries can be acknowledged.")
    credited = await scores.credited(entry)
    recipient = entry.author
    if handle:
        try:
            recipient = await accounts.get_by_handle(handle.strip().lstrip("@"))
        except NotFound as error:
            raise Invalid("There is nobody with this handle.",
                          {"handle": "There is nobody with this handle."}) from error
    if recipient.id not in credited:
        raise Invalid("Thank someone who made this entry.",
                      {"handle": "Thank someone who made this entry."})
    errors = FieldErrors()
    note = errors.text("note", note, label="Note", min_len=10, max_len=MAX_NOTE, multiline=True)
    name = first_name(recipient)
    if note and name.casefold() not in note.casefold():
        errors.add("note", f"Address {name} by name: a personal note says who it thanks.")
    elif note and own_letters(note, recipient.display_name) < OWN_LETTERS:
        errors.add("note", f"Say what you thank {name} for: the greeting alone is not a "
                           "thank-you.")
    errors.raise_if_any()
    org = entry.campaign.org
    try:
        async with in_transaction():
            thanks = await Acknowledgement.create(org=org, campaign=entry.campaign, entry=entry,
                                                  recipient=recipient, author=actor, note=note)
            await Entry.filter(id=entry.id, acknowledged_at=None).update(
                acknowledged_at=datetime.now(UTC))
            await notifications.notify(
                recipient.id, NotificationKind.ACKNOWLEDGEMENT,
                f"{org.name} thanked you for “{entry.title}”: {note}",
                urls.entry_path(entry.id), key=f"ack:{thanks.id}")
            await events.acknowledged(thanks)
            await audit.record(org.id, actor, "entry.acknowledge", "entry", entry.id,
                               f"Thanked {recipient.display_name} for “{entry.title}”",
                               {"recipient": recipient.id})
    except IntegrityError as error:
        raise Conflict(f"{recipient.display_name} has been thanked for this entry already.",
                       {"note": "Already thanked for this entry."}) from error
    return await Acknowledgement.get(id=thanks.id).select_related("recipient", "author", "org")


async def of_entry(entry: Entry) -> list[Acknowledgement]:
    return await Acknowledgement.filter(entry=entry).select_related(
        "recipient", "author", "org").order_by("created_at")
