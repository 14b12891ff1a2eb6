"""The acknowledgement inbox: every public entry in an organization's campaigns that the
brand has not thanked yet, oldest first, so no contribution goes unacknowledged unnoticed.

Filters: one campaign, one kind of entry, and power users first: the organization's
ambassadors, then its top fans (by votes their entries received, by influence and by
conversation: services/power_users.py), then everyone else. Pages are cursor-paginated on
the entries' (acknowledged_at, created_at) index, group by group.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q

from cocreate.lib.errors import Invalid, NotFound
from cocreate.models import Campaign, CampaignKind, Entry, EntryStatus, User
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.core.pagination import decode_cursor, encode_cursor
from cocreate.services.entries import entries
from cocreate.services.orgs import orgs
from cocreate.services.reach import power_users
from cocreate.services.recognition import ambassadors

PAGE_SIZE = 20
KINDS = (CampaignKind.IDEA, CampaignKind.REMIX, CampaignKind.TEAM)


@dataclass(frozen=True)
class InboxPage:
    entries: list[Entry]
    next_cursor: str | None
    waiting: int  # unacknowledged public entries matching the filters
    power_ids: set[str]  # authors among the organization's power users
    ambassador_ids: set[str]  # authors who are its ambassadors


async def inbox(actor: User, org_slug: str, campaign_slug: str | None = None,
                kind: str | None = None, power_first: bool = False,
                cursor: str | None = None, limit: int = PAGE_SIZE) -> InboxPage:
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    query = Entry.filter(campaign__org_id=org.id, status=EntryStatus.PUBLISHED,
                         acknowledged_at=None)
    if campaign_slug:
        campaign = await campaigns.get_campaign(campaign_slug)
        if campaign.org_id != org.id:
            raise Invalid("Choose one of your campaigns.", {"campaign": "Not yours."})
        phases.require_entry_kind(campaign, "entries to thank people for")
        query = query.filter(campaign_id=campaign.id)
    if kind:
        if kind not in KINDS:
            raise Invalid("Choose ideas, remixes or team entries.", {"kind": "Unknown kind."})
        query = query.filter(kind=kind)
    named = await ambassadors.ids_of(org)
    power = await power_users.power_user_ids(org.id) | named
    waiting = await query.count()
    groups = ([query.filter(author_id__in=list(named)),
               query.filter(author_id__in=list(power - named)),
               query.exclude(author_id__in=list(power))] if power_first else [query])
    group, after = 0, None
    if cursor:
        group, at, entry_id = decode_cursor(cursor, 3)
        try:
            if not isinstance(group, int) or not 0 <= group < len(groups):
                raise ValueError(group)
            after = (datetime.fromisoformat(at), str(entry_id)) if at else None  # "": start
        except (TypeError, ValueError) as error:
            raise Invalid("The page cursor is not valid.",
                          {"cursor": "Not a valid cursor."}) from error
    found: list[Entry] = []
    next_cursor = None
    for index in range(group, len(groups)):
        page_query = groups[index]
        if after and index == group:
            page_query = page_query.filter(
                Q(created_at__gt=after[0]) | Q(created_at=after[0], id__gt=after[1]))
        room = limit - len(found)
        if room == 0:  # the page is full just as this group begins
            if await page_query.exists():
                next_cursor = encode_cursor([index, "", ""])
            break
        rows = await page_query.select_related("author", "campaign", "media", "team") \
            .order_by("created_at", "id").limit(room + 1)
        found += rows[:room]
        if len(rows) > room:
            last = found[-1]
            next_cursor = encode_cursor([index, last.created_at.isoformat(), last.id])
            break
    return InboxPage(found, next_cursor, waiting, power, named)


async def item(actor: User, org_slug: str, entry_id: str) -> Entry:
    """One entry of the organization's inbox, for a manager of it: checked before anything
    about the entry is read or shown, so a page answering a refused thank-you (or a note
    started from a saved reply) cannot show an entry the actor may not see."""
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    entry = await entries.view_entry(actor, entry_id)
    if entry.campaign.org_id != org.id:
        raise NotFound("There is no entry at this address in your campaigns.")
    return entry


async def campaign_choices(org_slug: str) -> list[tuple[str, str]]:
    org = await orgs.get_org(org_slug)
    rows = await Campaign.filter(org=org).exclude(kind=CampaignKind.FUNDRAISER).order_by(
        "-created_at").values_list("slug", "title")
    return [(slug, title) for slug, title in rows]
