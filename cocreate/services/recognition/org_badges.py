"""Organizations' own badges: their text and artwork, given by hand to a person, with a note.

The award itself is an ordinary one (services/badges/badges.py), so it has a card, a page, a
notification and its place on the person's profile like any other badge.
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, NotFound
from cocreate.models import Award, Campaign, Media, MediaKind, MediaStatus, OrgBadge, User
from cocreate.services.accounts import accounts
from cocreate.services.badges import badges
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors
from cocreate.services.orgs import orgs

MAX_BADGES = 50


async def list_badges(org_slug: str) -> list[OrgBadge]:
    org = await orgs.get_org(org_slug)
    return await OrgBadge.filter(org=org).select_related("artwork").order_by("created_at")


async def create_badge(actor: User, org_slug: str, name: str | None, description: str | None,
                       artwork_media_id: str | None = None) -> OrgBadge:
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    errors = FieldErrors()
    name = errors.text("name", name, label="Name", min_len=2, max_len=60)
    description = errors.text("description", description, label="What it is for",
                              min_len=3, max_len=300, multiline=True)
    artwork = None
    if artwork_media_id:
        artwork = await Media.get_or_none(id=artwork_media_id, owner=actor,
                                          status=MediaStatus.READY, kind=MediaKind.IMAGE)
        if artwork is None:
            errors.add("artwork_media_id", "Use an image you uploaded that has finished "
                       "processing.")
    if await OrgBadge.filter(org=org).count() >= MAX_BADGES:
        errors.add("name", f"An organization can have at most {MAX_BADGES} badges of its own.")
    errors.raise_if_any()
    taken = Conflict("You already have a badge with that name.",
                     {"name": "You already have a badge with that name."})
    if await OrgBadge.exists(org=org, name=name):
        raise taken
    try:
        async with in_transaction():
            badge = await OrgBadge.create(org=org, name=name, description=description,
                                          artwork=artwork, created_by=actor)
            await audit.record(org.id, actor, "badge.create", "badge", badge.id,
                               f"Created the badge “{name}”")
    except IntegrityError as error:
        raise taken from error
    await badge.fetch_related("artwork")
    return badge


async def give(actor: User, org_slug: str, badge_id: str, handle: str | None,
               campaign_slug: str | None, note: str | None = "") -> Award:
    """Award the organization's badge to one person, for what they did in one campaign."""
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    badge = await OrgBadge.get_or_none(id=badge_id, org=org)
    if badge is None:
        raise NotFound("This organization has no such badge.")
    errors = FieldErrors()
    note = errors.text("note", note, label="Note", min_len=0, max_len=500, multiline=True)
    campaign = await Campaign.get_or_none(slug=campaign_slug or "", org=org)
    if campaign is None:
        errors.add("campaign", "Choose one of your organization's campaigns.")
    person = None
    try:
        person = await accounts.get_by_handle((handle or "").strip().lstrip("@"))
    except NotFound:
        errors.add("handle", "There is nobody with this handle.")
    errors.raise_if_any()
    assert person is not None and campaign is not None
    key = badges.org_badge_key(badge)
    if await Award.exists(user=person, badge=key, campaign=campaign):
        raise Conflict(f"{person.display_name} already has “{badge.name}” for this campaign.")
    async with in_transaction():
        found = await badges.award(person, key, campaign, None, org_badge=badge,
                                   awarded_by=actor, note=note)
        await audit.record(org.id, actor, "badge.give", "user", person.id,
                           f"Gave “{badge.name}” to {person.display_name} in "
                           f"“{campaign.title}”", {"badge": badge.id, "award": found.id})
    return found
