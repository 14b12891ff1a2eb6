"""Entries: submitting them and listing a campaign's gallery."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Invalid, NotFound
from cocreate.lib.markdown import render_markdown
from cocreate.models import (
    ActivityKind,
    CreditedAuthor,
    Entry,
    EntryStatus,
    Media,
    MediaKind,
    MediaStatus,
    ModerationMode,
    TagStatus,
    User,
)
from cocreate.models.campaign import Campaign
from cocreate.services.badges import badges
from cocreate.services.campaigns import campaigns, eligibility, phases, results
from cocreate.services.core import events
from cocreate.services.core.context import Deps
from cocreate.services.core.pagination import decode_cursor, encode_cursor
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import remix, teams
from cocreate.services.notifications import activity
from cocreate.services.orgs import orgs
from cocreate.services.sharing import entry_cards, profile_cards
from cocreate.services.tags import tag_counts, tags

SORTS = ("top", "trending", "new")
PAGE_SIZE = 24


@dataclass(frozen=True)
class EntryPage:
    entries: list[Entry]
    next_cursor: str | None


async def submit(
    deps: Deps, actor: User, campaign_slug: str, title: str | None, body: str | None,
    media_id: str | None = None, *, accept_rules: bool = False,
    birth_date: date | None = None, country: str | None = None,
    kit_asset_ids: list[str] | None = None, remix_of: list[str] | None = None,
    tag_slugs: list[str] | None = None, suggested_tag: str | None = None,
    now: datetime | None = None,
) -> Entry:
    """Submit an entry. The fan accepts the rules (once per version) and tells their birth
    date or country when the campaign asks, and may tag it (services/tags/tags.py);
    pre-moderated entries wait for a manager. `now` backdates it (demo data and tests)."""
    campaign = await campaigns.view_campaign(actor, campaign_slug)
    phases.require_entries_open(campaign)
    team = await teams.team_for_submission(actor, campaign)
    await deps.limiter.hit("submissions", actor.id)
    errors = FieldErrors()
    if not accept_rules and not await eligibility.has_accepted(actor, campaign):
        errors.add("accept_rules", "Please read and accept the rules to take part.")
    credits = await remix.check_credits(campaign, kit_asset_ids or [], remix_of or [], errors)
    tagging = await tags.choose(actor, campaign, tag_slugs or [], suggested_tag, errors)
    if campaign.kind == remix.REMIX_KIND and not media_id:
        errors.add("media_id", "A remix needs your image or video.")
    told = {"birth_date": birth_date, "country": country}
    for name, message in eligibility.missing_details(actor, campaign).items():
        if not told[name]:
            errors.add(name, message)
    title, body = check_text(errors, title, body)
    media = None
    if media_id:
        media = await Media.get_or_none(id=media_id, owner=actor)
        if media is None:
            errors.add("media_id", "Attach an image you uploaded.")
        elif media.status != MediaStatus.READY:
            errors.add("media_id", "Your file is still being checked, or it was rejected.")
        elif media.kind == MediaKind.AUDIO:
            errors.add("media_id", "Attach an image or a video.")
        elif media.kind == MediaKind.VIDEO and campaign.kind not in remix.KIT_KINDS:
            errors.add("media_id", "Videos are for remix and team challenges; attach an image.")
        elif (media.kind == MediaKind.VIDEO
              and media.declared_size > campaign.max_video_mb * 1024 * 1024):
            errors.add("media_id", f"Videos for this campaign can be at most "
                                   f"{campaign.max_video_mb} MB.")
    errors.raise_if_any()
    try:
        async with in_transaction():
            await eligibility.update_profile(actor, birth_date, country)
            eligibility.require_eligible(actor, campaign)
            if accept_rules:
                await eligibility.accept_rules(actor, campaign)
            status = (EntryStatus.PENDING if campaign.moderation == ModerationMode.PRE
                      else EntryStatus.PUBLISHED)
            entry = await Entry.create(
                campaign=campaign, author=actor, kind=campaign.kind, title=title, body=body,
                body_html=render_markdown(body), media=media, status=status, team=team,
                **({"created_at": now} if now else {}),
            )
            await remix.record_credits(entry, credits)
            await tags.attach(entry, tagging, actor)
            await events.entry_text_written(entry)
            if status == EntryStatus.PUBLISHED:
                await on_published(entry, campaign, actor)
    except IntegrityError as error:  # the team's one entry exists already
        raise Conflict(f"{team.name if team else 'Your team'} has already submitted its "
                       "entry.") from error
    deps.jobs.kick()
    return entry


def check_text(errors: FieldErrors, title: str | None, body: str | None) -> tuple[str, str]:
    """An entry's title and description, trimmed, with what is wrong noted in `errors`."""
    return (errors.text("title", title, label="Title", min_len=3, max_len=140),
            errors.text("body", body, label="Description", min_len=0, max_len=10_000,
                        multiline=True))


async def on_published(entry: Entry, campaign: Campaign, author: User) -> None:
    """An entry became public: count it and credit its author (inside the transaction)."""
    await Campaign.filter(id=campaign.id).update(entry_count=F("entry_count") + 1)
    await tag_counts.count_entry(entry, +1)
    await activity.record(author.id, campaign.id, ActivityKind.ENTRY,
                          f"{author.display_name} shared “{entry.title}” in “{campaign.title}”",
                          urls.entry_path(entry.id), f"entry:{entry.id}")
    await remix.count_remix(entry, +1)
    await events.entry_published(entry)
    await entry_cards.on_published(entry)
    await profile_cards.enqueue(author.id, f"entry:{entry.id}")
    if entry.team_id:
        await teams.credit_entry(await teams.get_team(entry.team_id))
    else:
        await badges.award(author, badges.CONTRIBUTOR, campaign, entry)
    if phases.ranks_by_final_score(campaign):  # published after the results: rank it too
        await results.store_final_scores(campaign)


async def on_unpublished(entry: Entry) -> None:
    await Campaign.filter(id=entry.campaign_id).update(entry_count=F("entry_count") - 1)
    await tag_counts.count_entry(entry, -1)
    await activity.forget(f"entry:{entry.id}")
    await remix.count_remix(entry, -1)
    campaign = await Campaign.get(id=entry.campaign_id).only("id", "phase", "jury_weight")
    if phases.ranks_by_final_score(campaign):
        await results.store_final_scores(campaign)


async def get_entry(entry_id: str) -> Entry:
    """Any entry, whatever its status: for services that check the actor themselves."""
    entry = await Entry.get_or_none(id=entry_id).select_related(
        "campaign", "campaign__org", "author", "media", "team"
    )
    if entry is None:
        raise NotFound("There is no entry at this address.")
    return entry


def is_published(entry: Entry) -> bool:
    """Public: it takes votes, comments, follows and thanks, and it can be shared."""
    return entry.status == EntryStatus.PUBLISHED


async def can_see(viewer: User | None, entry: Entry) -> bool:
    """Published (and merged) entries of public campaigns are for everyone; the rest for the author
    (who sees why it is not public) and the organization's moderators."""
    shown = entry.status in (EntryStatus.PUBLISHED, EntryStatus.MERGED)
    if shown and phases.is_public(entry.campaign):
        return True  # a merged idea's address leads to the one it went into
    if viewer is None:
        return False
    if viewer.id == entry.author_id and phases.is_public(entry.campaign):
        return True
    return await orgs.can_moderate(viewer, entry.campaign.org)


async def view_entry(viewer: User | None, entry_id: str) -> Entry:
    entry = await get_entry(entry_id)
    if not await can_see(viewer, entry):
        raise NotFound("There is no entry at this address.")
    return entry


RANKED_BY = {"top": "vote_count", "trending": "trend"}


def _after(cursor: str, ranked: bool) -> tuple[float | None, datetime, str]:
    """The ranked value (None when not `ranked`), creation time and id a gallery cursor
    resumes after; Invalid for a cursor no page of the gallery gave."""
    *value, created, last_id = decode_cursor(cursor, 3 if ranked else 2)
    try:
        at = datetime.fromisoformat(created)
        number = value[0] if value else None
        if (not isinstance(last_id, str) or at.tzinfo is None or isinstance(number, bool)
                or not isinstance(number, int | float | None)):
            raise ValueError(cursor)
    except (TypeError, ValueError) as error:
        raise Invalid("The page cursor is not valid.",
                      {"cursor": "Not a valid cursor."}) from error
    return number, at, last_id


def _ranked(query, field: str, cursor: str | None):  # type: ignore[no-untyped-def]
    """Highest `field` first, earlier first on ties, resuming after the cursor's entry."""
    query = query.order_by(f"-{field}", "created_at", "id")
    if cursor:
        value, at, last_id = _after(cursor, ranked=True)
        query = query.filter(
            Q(**{f"{field}__lt": value})
            | Q(**{field: value, "created_at__gt": at})
            | Q(**{field: value, "created_at": at, "id__gt": last_id})
        )
    return query


async def list_entries(
    campaign_slug: str, sort: str = "top", cursor: str | None = None, limit: int = PAGE_SIZE,
    viewer: User | None = None, tag: str | None = None,
) -> EntryPage:
    """A page of a campaign's published entries: top (most votes; the final score once a
    campaign with a jury shows its results), trending (votes weighted by how recent they are)
    or new; cursor-paginated on stored values, never counting. `tag`: only the entries
    carrying this approved tag."""
    if sort not in SORTS:
        raise Invalid("Unknown sort order.", {"sort": "Use top, trending or new."})
    campaign = await campaigns.view_campaign(viewer, campaign_slug)
    phases.require_entry_kind(campaign, "entries")
    query = Entry.filter(campaign=campaign, status=EntryStatus.PUBLISHED).select_related(
        "author", "media", "team")
    if tag:
        query = query.filter(entry_tags__tag__slug=tag, entry_tags__tag__status=TagStatus.APPROVED)
    field = RANKED_BY.get(sort)
    if sort == "top" and phases.ranks_by_final_score(campaign):
        field = "final_score"
    if field:
        query = _ranked(query, field, cursor)
    else:
        query = query.order_by("-created_at", "-id")
        if cursor:
            _, at, last_id = _after(cursor, ranked=False)
            query = query.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=last_id))
    rows = await query.limit(limit + 1)
    entries, more = rows[:limit], len(rows) > limit
    next_cursor = None
    if more and entries:
        last = entries[-1]
        key = [last.created_at.isoformat(), last.id]
        next_cursor = encode_cursor([getattr(last, field), *key] if field else key)
    return EntryPage(entries=entries, next_cursor=next_cursor)


async def leaderboard(campaign_slug: str, limit: int = 10, viewer: User | None = None
                      ) -> list[Entry]:
    page = await list_entries(campaign_slug, "top", None, limit, viewer)
    return page.entries


async def credited_entry_ids(user_id: str) -> list[str]:
    """Entries a person is credited on because their duplicate idea was merged into them."""
    return list(await CreditedAuthor.filter(user_id=user_id).values_list("entry_id", flat=True))


async def entries_by_author(author: User, viewer: User | None = None, limit: int = 48
                            ) -> list[Entry]:
    """A person's entries across campaigns, and those their merged ideas live on in, newest
    first (their profile). Only their own profile lists the entries that are not public, with
    their status; a merged idea shows as the one it went into."""
    credited = await credited_entry_ids(author.id)
    query = Entry.filter(Q(author=author) | Q(id__in=credited),
                         campaign__phase__in=phases.PUBLIC_PHASES).exclude(status=EntryStatus.MERGED)
    if viewer is None or viewer.id != author.id:
        query = query.filter(status=EntryStatus.PUBLISHED)
    return (
        await query
        .select_related("campaign", "campaign__org", "author", "media", "team")
        .order_by("-created_at").limit(limit)
    )


async def campaign_tally(campaign: Campaign, since: datetime) -> tuple[int, int]:
    """The campaign's public entries, and those published since `since`."""
    public = Entry.filter(campaign_id=campaign.id, status=EntryStatus.PUBLISHED)
    return await public.count(), await public.filter(created_at__gte=since).count()
