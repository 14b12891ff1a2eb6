"""Proving the counters: every denormalized total is recomputed from its ledger and any
difference reported (and, when asked, repaired). It must find none; a difference means a bug.

Counters checked: an entry's votes (counted vote rows: held and voided ones count nowhere),
a campaign's entries (published entries), an entry's and a kit asset's remixes (published
entries crediting them), a tag's entries (published entries carrying it), a team's members
(member rows), an entry's comments (visible comment rows), a comment's reactions of each
kind (reaction rows) and open reports (open report rows), the votes people received per
campaign and per organization (counted vote rows of their entries, a team entry's counting
for each member), entries' trending sums (counted votes), budgets (votes not voided),
and fundraisers' raised, gift_count and matched (their succeeded gifts' amounts, number
and matches), fundraising pages' raised and gift_count (the succeeded gifts made on them)
and fundraising teams' raised and gift_count (their current pages' succeeded gifts) and
member_count (their pages).
Entries' jury scores and judge counts are recomputed from the judges' score rows, and the
power-user counters and scores per organization and person from their referrals, comments
and helpful reactions (services/influence/power_ledger.py).
A merged idea needs no rule of its own: merging moves its vote and comment rows to the idea
kept (services/moderation/merging.py), so the definitions above cover both ideas before and after.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.transactions import in_transaction

from cocreate.models import (
    Campaign,
    CampaignScore,
    Comment,
    CommentReport,
    CommentStatus,
    Entry,
    EntryCredit,
    EntryStatus,
    EntryTag,
    Fundraiser,
    FundraisingPage,
    FundraisingTeam,
    Gift,
    GiftStatus,
    KitAsset,
    OrgScore,
    Reaction,
    ReportStatus,
    Tag,
    Team,
    TeamMember,
    Vote,
    VoteBudget,
    VoteStatus,
)
from cocreate.services.conversation import reactions
from cocreate.services.fundraising import peer_totals
from cocreate.services.influence import power_ledger
from cocreate.services.judging import jury
from cocreate.services.voting import trending

log = logging.getLogger(__name__)
BATCH = 5000


@dataclass(frozen=True)
class Difference:
    counter: str  # "entries.vote_count", ...
    row_id: str
    stored: float | None
    ledger: float | None


async def _ledger_counts(query, key: str) -> Counter[str]:  # type: ignore[no-untyped-def]
    counts: Counter[str] = Counter()
    offset = 0
    while True:
        rows = await query.order_by("id").offset(offset).limit(BATCH).values_list(key, flat=True)
        counts.update(row for row in rows if row)
        if len(rows) < BATCH:
            return counts
        offset += BATCH


async def _compare(model: type[Model], field: str, ledger: Counter[str]) -> list[Difference]:
    differences = []
    offset = 0
    while True:
        rows = await model.all().order_by("id").offset(offset).limit(BATCH) \
            .values_list("id", field)
        for row_id, stored in rows:
            if stored != ledger.get(row_id, 0):
                differences.append(Difference(f"{model._meta.db_table}.{field}", row_id,
                                              stored, ledger.get(row_id, 0)))
        if len(rows) < BATCH:
            return differences
        offset += BATCH


async def find_differences() -> list[Difference]:
    published_credits = EntryCredit.filter(entry__status=EntryStatus.PUBLISHED)
    checks = [
        (Entry, "vote_count",
         await _ledger_counts(Vote.filter(status=VoteStatus.COUNTED), "entry_id")),
        (Campaign, "entry_count",
         await _ledger_counts(Entry.filter(status=EntryStatus.PUBLISHED), "campaign_id")),
        (Entry, "remix_count", await _ledger_counts(published_credits, "source_entry_id")),
        (KitAsset, "remix_count", await _ledger_counts(published_credits, "kit_asset_id")),
        (Team, "member_count", await _ledger_counts(TeamMember.all(), "team_id")),
        (Tag, "entry_count",
         await _ledger_counts(EntryTag.filter(entry__status=EntryStatus.PUBLISHED), "tag_id")),
        (Entry, "comment_count",
         await _ledger_counts(Comment.filter(status=CommentStatus.VISIBLE), "entry_id")),
        (Comment, "open_reports",
         await _ledger_counts(CommentReport.filter(status=ReportStatus.OPEN), "comment_id")),
        *[(Comment, kind.column, await _ledger_counts(Reaction.filter(kind=key), "comment_id"))
          for key, kind in reactions.KINDS.items()],
    ]
    differences = []
    for model, field, ledger in checks:
        differences += await _compare(model, field, ledger)
    return (differences + await _score_differences() + await _trend_differences()
            + await _budget_differences() + await _jury_differences()
            + [Difference(f"power_scores.{field}", row_id, stored, ledger)
               for field, row_id, stored, ledger in await power_ledger.differences()]
            + await _fundraiser_differences()
            + [Difference(*found) for found in await peer_totals.differences()])


FUNDRAISER_TOTALS = ("raised", "gift_count", "matched")


async def _fundraiser_differences() -> list[Difference]:
    """Each fundraiser's totals equal the sums over its succeeded gifts."""
    ledger: dict[str, Counter[str]] = {}
    offset = 0
    while True:
        rows = await Gift.filter(status=GiftStatus.SUCCEEDED).order_by("id").offset(offset).limit(
            BATCH).values_list("campaign_id", "amount", "matched_amount")
        for campaign_id, amount, matched in rows:
            sums = ledger.setdefault(campaign_id, Counter())
            sums.update({"raised": amount, "gift_count": 1, "matched": matched})
        if len(rows) < BATCH:
            break
        offset += BATCH
    differences = []
    for row_id, campaign_id, *stored in await Fundraiser.all().order_by("id").values_list(
            "id", "campaign_id", *FUNDRAISER_TOTALS):
        sums = ledger.get(campaign_id, Counter())
        for name, value in zip(FUNDRAISER_TOTALS, stored, strict=True):
            if value != sums.get(name, 0):
                differences.append(Difference(f"fundraisers.{name}", row_id, value,
                                              sums.get(name, 0)))
    return differences


async def _budget_differences() -> list[Difference]:
    """Budget voting: what each person used equals their votes in the campaign (but voided)."""
    ledger: Counter[ScoreKey] = Counter()
    offset = 0
    while True:
        rows = await Vote.exclude(status=VoteStatus.VOIDED).order_by("id").offset(offset).limit(
            BATCH).values_list("entry__campaign_id", "user_id")
        ledger.update((campaign_id, user_id) for campaign_id, user_id in rows)
        if len(rows) < BATCH:
            break
        offset += BATCH
    differences = []
    for campaign_id, user_id, used in await VoteBudget.all().values_list(
            "campaign_id", "user_id", "used"):
        if used != ledger.get((campaign_id, user_id), 0):
            differences.append(Difference("vote_budgets.used", f"{campaign_id}/{user_id}",
                                          used, ledger.get((campaign_id, user_id), 0)))
    return differences


async def _trend_differences() -> list[Difference]:
    """Trending sums are floats: equal within a relative 1e-9."""
    started = dict(await Campaign.all().values_list("id", "created_at"))
    campaign_of = dict(await Entry.all().values_list("id", "campaign_id"))
    ledger: dict[str, float] = {}
    offset = 0
    while True:
        votes = await Vote.filter(status=VoteStatus.COUNTED).order_by("id").offset(offset).limit(
            BATCH).values_list("entry_id", "created_at")
        for entry_id, voted_at in votes:
            start = started[campaign_of[entry_id]]
            ledger[entry_id] = ledger.get(entry_id, 0.0) + trending.weight(voted_at, start)
        if len(votes) < BATCH:
            break
        offset += BATCH
    differences = []
    for entry_id, stored in await Entry.all().values_list("id", "trend"):
        expected = ledger.get(entry_id, 0.0)
        if abs(stored - expected) > 1e-9 * max(1.0, abs(expected)):
            differences.append(Difference("entries.trend", entry_id, stored, expected))
    return differences


ScoreKey = tuple[str, str]  # (campaign or organization id, user id)


async def _score_ledgers() -> tuple[Counter[ScoreKey], Counter[ScoreKey]]:
    votes = await _ledger_counts(Vote.filter(status=VoteStatus.COUNTED), "entry_id")
    by_campaign: Counter[ScoreKey] = Counter()
    by_org: Counter[ScoreKey] = Counter()
    members: dict[str, list[str]] = {}
    for team_id, user_id in await TeamMember.all().values_list("team_id", "user_id"):
        members.setdefault(team_id, []).append(user_id)
    org_of = dict(await Campaign.all().values_list("id", "org_id"))
    entry_ids = list(votes)
    for start in range(0, len(entry_ids), BATCH):
        rows = await Entry.filter(id__in=entry_ids[start:start + BATCH]).values_list(
            "id", "campaign_id", "author_id", "team_id")
        for entry_id, campaign_id, author_id, team_id in rows:
            for person in members.get(team_id, []) if team_id else [author_id]:
                by_campaign[(campaign_id, person)] += votes[entry_id]
                by_org[(org_of[campaign_id], person)] += votes[entry_id]
    return by_campaign, by_org


async def _score_differences() -> list[Difference]:
    by_campaign, by_org = await _score_ledgers()
    differences = []
    for model, owner, ledger in ((CampaignScore, "campaign_id", by_campaign),
                                 (OrgScore, "org_id", by_org)):
        stored = {(row[0], row[1]): row[2]
                  for row in await model.all().values_list(owner, "user_id", "votes")}
        for key in sorted(set(stored) | set(ledger)):
            if stored.get(key, 0) != ledger.get(key, 0):
                differences.append(Difference(f"{model._meta.db_table}.votes", "/".join(key),
                                              stored.get(key, 0), ledger.get(key, 0)))
    return differences


async def _repair_score(difference: Difference) -> None:
    owner_id, user_id = difference.row_id.split("/")
    if difference.counter.startswith("campaign_scores"):
        await CampaignScore.get_or_create(campaign_id=owner_id, user_id=user_id)
        await CampaignScore.filter(campaign_id=owner_id, user_id=user_id).update(
            votes=difference.ledger)
    else:
        await OrgScore.get_or_create(org_id=owner_id, user_id=user_id)
        await OrgScore.filter(org_id=owner_id, user_id=user_id).update(votes=difference.ledger)


async def _jury_differences() -> list[Difference]:
    """Entries' jury scores (equal within a relative 1e-9) and judges, from the score rows."""
    ledger = await jury.recompute_all()
    stored = {row[0]: (row[1], row[2]) for row in await Entry.filter(
        Q(jury_judges__gt=0) | Q(jury_score__isnull=False)).values_list(
        "id", "jury_score", "jury_judges")}
    differences = []
    for entry_id in sorted(set(stored) | set(ledger)):
        (score, judges), (expected, counted) = (stored.get(entry_id, (None, 0)),
                                                ledger.get(entry_id, (None, 0)))
        if (score is None) != (expected is None) or (
                score is not None and expected is not None
                and abs(score - expected) > 1e-9 * max(1.0, abs(expected))):
            differences.append(Difference("entries.jury_score", entry_id, score, expected))
        if judges != counted:
            differences.append(Difference("entries.jury_judges", entry_id, judges, counted))
    return differences


async def reconcile(repair: bool = False) -> list[Difference]:
    """Report every counter that differs from its ledger; with `repair`, set it to the ledger.

    A repair writes the recounted value only if the stored one has not moved meanwhile.
    """
    differences = await find_differences()
    for difference in differences:
        log.error("counter %s of %s is %s, its ledger says %s", difference.counter,
                  difference.row_id, difference.stored, difference.ledger)
    if repair:
        models = {m._meta.db_table: m
                  for m in (Entry, Campaign, KitAsset, Team, Comment, Tag, Fundraiser,
                            FundraisingPage, FundraisingTeam)}
        async with in_transaction():
            for difference in differences:
                table, field = difference.counter.split(".")
                if table == "power_scores":
                    await power_ledger.repair(difference.row_id, field, int(difference.ledger or 0))
                    continue
                if table in ("campaign_scores", "org_scores"):
                    await _repair_score(difference)
                    continue
                if field in ("jury_score", "jury_judges"):
                    await jury.repair_aggregate(difference.row_id)
                    continue
                if table == "vote_budgets":
                    campaign_id, user_id = difference.row_id.split("/")
                    await VoteBudget.filter(campaign_id=campaign_id, user_id=user_id).update(
                        used=difference.ledger)
                    continue
                await models[table].filter(
                    id=difference.row_id, **{field: difference.stored}
                ).update(**{field: difference.ledger})
    return differences
