"""Ambassadors: fans an organization's managers name as the ones who carry it.

Marking someone writes the audit log and, the first time in that organization, awards the
Ambassador badge (with its card and notification, services/badges/badges.py). A badge belongs to
one campaign, so it goes in the organization's newest public campaign. Unmarking keeps the
badge: it says they were named ambassador, which stays true, and it may already be shared;
taking a badge back is for mistakes, through revocation. Marking the same person again
tells them so and awards nothing more. Ambassadors come first in the acknowledgement inbox.
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib import urls
from cocreate.lib.errors import Invalid
from cocreate.models import Ambassador, Award, Campaign, NotificationKind, Organization, User
from cocreate.services.accounts import accounts
from cocreate.services.badges import badges
from cocreate.services.campaigns import phases
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.services.notifications import notifications
from cocreate.services.orgs import orgs

NOTE_LENGTH = 300


async def _managed_person(deps: Deps, actor: User, org_slug: str, handle: str
                          ) -> tuple[Organization, User]:
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    await deps.limiter.hit("ambassadors", actor.id)
    return org, await accounts.get_by_handle(handle.strip().lstrip("@"))


async def mark(deps: Deps, actor: User, org_slug: str, handle: str, note: str | None = ""
               ) -> Ambassador:
    """Name the person an ambassador of the organization (idempotent: a second call only
    changes the note)."""
    org, person = await _managed_person(deps, actor, org_slug, handle)
    errors = FieldErrors()
    note = errors.text("note", note, label="Note", min_len=0, max_len=NOTE_LENGTH, multiline=True)
    errors.raise_if_any()
    campaign = await Campaign.filter(org=org, phase__in=phases.PUBLIC_PHASES) \
        .order_by("-created_at").first()
    if campaign is None:
        raise Invalid(f"Launch a campaign first: {org.name}'s Ambassador badge is shown in "
                      "its newest campaign.", {"handle": "No public campaign yet."})
    try:
        async with in_transaction():
            found = await Ambassador.create(org=org, user=person, note=note, marked_by=actor)
            await audit.record(org.id, actor, "ambassador.mark", "user", person.id,
                               f"Made {person.display_name} an ambassador of {org.name}",
                               {"note": note})
            await _tell(actor, org, person, campaign, found, note)
    except IntegrityError:
        await Ambassador.filter(org=org, user=person).update(note=note)
    return await Ambassador.get(org=org, user=person).select_related("user")


async def _tell(actor: User, org: Organization, person: User, campaign: Campaign,
                found: Ambassador, note: str) -> None:
    """The badge the first time (its award tells them), a notification after that."""
    if not await Award.exists(user=person, badge=badges.AMBASSADOR, campaign__org_id=org.id):
        await badges.award(person, badges.AMBASSADOR, campaign, None, awarded_by=actor,
                           note=note)
        return
    await notifications.notify(person.id, NotificationKind.BADGE, f"{org.name} made you one of its "
                               "ambassadors again.", urls.org_path(org.slug),
                               f"ambassador:{found.id}")


async def unmark(deps: Deps, actor: User, org_slug: str, handle: str) -> User:
    """The person is no longer an ambassador (idempotent); their badge stays theirs."""
    org, person = await _managed_person(deps, actor, org_slug, handle)
    async with in_transaction():
        if await Ambassador.filter(org=org, user=person).delete():
            await audit.record(org.id, actor, "ambassador.unmark", "user", person.id,
                               f"{person.display_name} is no longer an ambassador of "
                               f"{org.name}")
    return person


async def ids_of(org: Organization) -> set[str]:
    """The organization's ambassadors (a handful by nature)."""
    return set(await Ambassador.filter(org=org).values_list("user_id", flat=True))


async def orgs_of(person: User) -> list[Organization]:
    """The organizations the person is an ambassador of, for their profile."""
    return await Organization.filter(
        id__in=await Ambassador.filter(user=person).values_list("org_id", flat=True)
    ).order_by("name")
