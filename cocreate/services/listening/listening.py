"""What fans are asking for: per campaign, the tags of its new entries and the terms of its
ideas and comments over a period, rising ones first, each with the entries behind it.

No text is read per request: when an idea or a comment is created or edited, a worker writes its
terms (services/listening/terms.py) as TermMention rows, and the page counts the period's
indexed rows. Moderated-away content (entries not published, comments not visible) is left out
when counting, so hiding or restoring something needs no rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from tortoise.expressions import Q
from tortoise.functions import Count, Min
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import (
    Campaign,
    Comment,
    CommentStatus,
    Entry,
    EntryStatus,
    EntryTag,
    Tag,
    TermMention,
    User,
)
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.listening import terms

PERIODS = (7, 30, 90)
DEFAULT_DAYS = 30
SHOWN = 30  # tags and terms on the page
CANDIDATES = 300  # most mentioned terms of the period, ranked by growth among themselves
ENTRY_LIMIT = 50


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def bounds(self) -> tuple[datetime, datetime]:
        return (datetime.combine(self.start, time(), UTC),
                datetime.combine(self.end + timedelta(days=1), time(), UTC))


class TrendDirection(StrEnum):
    """How a tag or term moved against the period before: new there, rising, steady or
    falling."""

    NEW = "new"
    RISING = "rising"
    STEADY = "steady"
    FALLING = "falling"


@dataclass(frozen=True)
class Trend:
    key: str  # a term's stems, or a tag's slug
    label: str
    count: int  # mentions (texts) or entries in the period
    previous: int  # the same in the period before

    @property
    def growth(self) -> float:
        return (self.count + 1) / (self.previous + 1)

    @property
    def rising(self) -> bool:
        return self.count > self.previous

    @property
    def trend(self) -> TrendDirection:
        if self.previous == 0:
            return TrendDirection.NEW
        if self.count == self.previous:
            return TrendDirection.STEADY
        return TrendDirection.RISING if self.rising else TrendDirection.FALLING


@dataclass(frozen=True)
class Listening:
    campaign: Campaign
    days: int
    current: Period
    previous: Period
    tags: list[Trend]
    terms: list[Trend]


@dataclass(frozen=True)
class Behind:
    campaign: Campaign
    days: int
    current: Period
    label: str
    entries: list[Entry]


# Writing terms (the worker's half) ----------------------------------------------------------

async def extract(entry_id: str | None = None, comment_id: str | None = None) -> int:
    """(Re)write one text's terms from what it says now; running it twice changes nothing.
    Two runs at once (an idea edited right after it was posted) take turns: each locks the
    text's own row before reading it (otherwise both find nothing to delete and insert the
    same terms). The lock is FOR NO KEY UPDATE of that row alone: rows pointing at it (votes,
    comments) can still be added meanwhile; a change to the row itself waits a few ms."""
    async with in_transaction():
        if comment_id:
            comment = await Comment.filter(id=comment_id).select_related("entry").select_for_update(
                no_key=True, of=("comments",)).first()
            if comment is None:
                return 0
            entry, source, texts = comment.entry, f"c:{comment.id}", (comment.body,)
            written = comment.created_at
        else:
            found = await Entry.filter(id=entry_id).select_for_update(no_key=True).first()
            if found is None:
                return 0
            entry, source, texts = found, f"e:{found.id}", (found.title, found.body)
            written = found.created_at
        day = written.astimezone(UTC).date()
        found_terms = terms.extract(*texts)
        await TermMention.filter(source=source).delete()
        await TermMention.bulk_create([
            TermMention(campaign_id=entry.campaign_id, entry_id=entry.id,
                        comment_id=comment_id or None, source=source, term=term.key,
                        label=term.label, day=day)
            for term in found_terms
        ])
    return len(found_terms)


# Reading them -------------------------------------------------------------------------------

def periods(days: int, now: datetime | None = None) -> tuple[Period, Period]:
    """The last `days` days up to today (UTC), and the as many days before them."""
    end = (now or datetime.now(UTC)).astimezone(UTC).date()
    start = end - timedelta(days=days - 1)
    return Period(start, end), Period(start - timedelta(days=days), start - timedelta(days=1))


def ranked(rows: list[Trend]) -> list[Trend]:
    """Rising first: by growth on the period before (new ones grow from zero), then by count."""
    return sorted(rows, key=lambda t: (-t.growth, -t.count, t.label))


async def _managed(actor: User | None, slug: str, days: int) -> Campaign:
    campaign = await campaigns.get_campaign(slug)
    if not await campaigns.can_manage(actor, campaign):
        raise Forbidden(f"Only managers of {campaign.org.name} can see what fans ask for.")
    phases.require_entry_kind(campaign, "ideas to listen to")
    if days not in PERIODS:
        raise Invalid("Unknown period.", {"days": "Choose 7, 30 or 90 days."})
    return campaign


def _mentions(campaign_id: str, period: Period):  # type: ignore[no-untyped-def]
    """The period's mentions in public entries and visible comments."""
    return TermMention.filter(
        Q(comment_id__isnull=True) | Q(comment__status=CommentStatus.VISIBLE),
        campaign_id=campaign_id, day__gte=period.start, day__lte=period.end,
        entry__status=EntryStatus.PUBLISHED,
    )


async def _term_counts(campaign_id: str, period: Period, keys: list[str] | None = None
                       ) -> dict[str, tuple[int, str]]:
    if keys == []:
        return {}
    query = _mentions(campaign_id, period)
    query = query.filter(term__in=keys) if keys is not None else query.limit(CANDIDATES)
    rows = await query.annotate(mentions=Count("id"), shown=Min("label")).group_by(
        "term").order_by("-mentions", "term").values("term", "mentions", "shown")
    return {row["term"]: (row["mentions"], row["shown"]) for row in rows}


def _tagged(campaign_id: str, period: Period):  # type: ignore[no-untyped-def]
    """Entry–tag rows of the public entries created in the period."""
    start, end = period.bounds()
    return EntryTag.filter(tag__campaign_id=campaign_id, entry__status=EntryStatus.PUBLISHED,
                           entry__created_at__gte=start, entry__created_at__lt=end)


async def _tag_counts(campaign_id: str, period: Period) -> dict[str, int]:
    rows = await _tagged(campaign_id, period).annotate(n=Count("id")).group_by(
        "tag_id").values("tag_id", "n")
    return {row["tag_id"]: row["n"] for row in rows}


async def summary(actor: User | None, slug: str, days: int = DEFAULT_DAYS,
                  now: datetime | None = None) -> Listening:
    campaign = await _managed(actor, slug, days)
    current, previous = periods(days, now)
    now_terms = await _term_counts(campaign.id, current)
    before = await _term_counts(campaign.id, previous, list(now_terms))
    term_rows = [Trend(key, label, count, before.get(key, (0, label))[0])
                 for key, (count, label) in now_terms.items()]
    now_tags = await _tag_counts(campaign.id, current)
    tags_before = await _tag_counts(campaign.id, previous)
    names = {t.id: t for t in await Tag.filter(id__in=list(now_tags))} if now_tags else {}
    tag_rows = [Trend(names[tag_id].slug, names[tag_id].name, count, tags_before.get(tag_id, 0))
                for tag_id, count in now_tags.items() if tag_id in names]
    return Listening(campaign, days, current, previous, ranked(tag_rows)[:SHOWN],
                     ranked(term_rows)[:SHOWN])


async def entries_behind(actor: User | None, slug: str, days: int = DEFAULT_DAYS, *,
                         term: str | None = None, tag: str | None = None,
                         now: datetime | None = None) -> Behind:
    """The public entries whose text or visible comments use `term`, or that carry `tag`, in
    the period: newest first."""
    campaign = await _managed(actor, slug, days)
    current, _ = periods(days, now)
    if term:
        mentions = _mentions(campaign.id, current).filter(term=term)
        ids = await mentions.distinct().values_list("entry_id", flat=True)
        first = await mentions.order_by("label").first()
        label = first.label if first else term
    elif tag:
        ids = await _tagged(campaign.id, current).filter(tag__slug=tag).values_list(
            "entry_id", flat=True)
        found = await Tag.get_or_none(campaign_id=campaign.id, slug=tag)
        label = found.name if found else tag
    else:
        raise Invalid("Say which term or tag.", {"term": "Choose a term or a tag."})
    shown = await Entry.filter(id__in=list(ids), status=EntryStatus.PUBLISHED).select_related(
        "author", "media", "team").order_by("-created_at", "-id").limit(ENTRY_LIMIT)
    return Behind(campaign, days, current, label, list(shown))
