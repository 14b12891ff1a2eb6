"""Entries: submitting them and listing a campaign's gallery."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from cocreate.markdown import render_markdown
from cocreate.models import Entry, Media, User
from cocreate.models.campaign import Campaign
from cocreate.services import badges, campaigns
from cocreate.services.context import Deps
from cocreate.services.errors import Forbidden, Invalid, NotFound
from cocreate.services.pagination import decode_cursor, encode_cursor
from cocreate.services.validation import FieldErrors

SORTS = ("top", "new")
PAGE_SIZE = 24


@dataclass(frozen=True)
class EntryPage:
    entries: list[Entry]
    next_cursor: str | None


async def submit(
    deps: Deps, actor: User, campaign_slug: str, title: str | None, body: str | None,
    media_id: str | None = None,
) -> Entry:
    campaign = await campaigns.get_campaign(campaign_slug)
    if not campaigns.is_open(campaign):
        raise Forbidden("This campaign has closed; it no longer takes entries.")
    await deps.limiter.hit("submissions", actor.id)
    errors = FieldErrors()
    title = errors.text("title", title, label="Title", min_len=3, max_len=140)
    body = errors.text("body", body, label="Description", min_len=0, max_len=10_000)
    media = None
    if media_id:
        media = await Media.get_or_none(id=media_id, owner=actor)
        if media is None:
            errors.add("media_id", "Attach an image you uploaded.")
        elif media.status != "ready":
            errors.add("media_id", "Your image is still being checked, or it was rejected.")
    errors.raise_if_any()
    async with in_transaction():
        entry = await Entry.create(
            campaign=campaign, author=actor, kind=campaign.kind, title=title, body=body,
            body_html=render_markdown(body), media=media,
        )
        await Campaign.filter(id=campaign.id).update(entry_count=F("entry_count") + 1)
        await badges.award(actor, badges.CONTRIBUTOR, campaign, entry)
    deps.jobs.kick()
    return entry


async def get_entry(entry_id: str) -> Entry:
    entry = await Entry.get_or_none(id=entry_id).select_related(
        "campaign", "campaign__org", "author", "media"
    )
    if entry is None:
        raise NotFound("There is no entry at this address.")
    return entry


async def list_entries(
    campaign_slug: str, sort: str = "top", cursor: str | None = None, limit: int = PAGE_SIZE
) -> EntryPage:
    """A page of a campaign's entries: top (most votes, earlier first on ties) or new."""
    if sort not in SORTS:
        raise Invalid("Unknown sort order.", {"sort": "Use top or new."})
    campaign = await campaigns.get_campaign(campaign_slug)
    query = Entry.filter(campaign=campaign).select_related("author", "media")
    if sort == "top":
        query = query.order_by("-vote_count", "created_at", "id")
        if cursor:
            votes, created, last_id = decode_cursor(cursor, 3)
            at = datetime.fromisoformat(created)
            query = query.filter(
                Q(vote_count__lt=votes)
                | Q(vote_count=votes, created_at__gt=at)
                | Q(vote_count=votes, created_at=at, id__gt=last_id)
            )
    else:
        query = query.order_by("-created_at", "-id")
        if cursor:
            created, last_id = decode_cursor(cursor, 2)
            at = datetime.fromisoformat(created)
            query = query.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=last_id))
    rows = await query.limit(limit + 1)
    entries, more = rows[:limit], len(rows) > limit
    next_cursor = None
    if more and entries:
        last = entries[-1]
        key = [last.created_at.isoformat(), last.id]
        next_cursor = encode_cursor([last.vote_count, *key] if sort == "top" else key)
    return EntryPage(entries=entries, next_cursor=next_cursor)


async def leaderboard(campaign_slug: str, limit: int = 10) -> list[Entry]:
    page = await list_entries(campaign_slug, "top", None, limit)
    return page.entries


async def entries_by_author(author: User, limit: int = 48) -> list[Entry]:
    """A person's entries across campaigns, newest first (their profile)."""
    return (
        await Entry.filter(author=author)
        .select_related("campaign", "campaign__org", "author", "media")
        .order_by("-created_at").limit(limit)
    )
