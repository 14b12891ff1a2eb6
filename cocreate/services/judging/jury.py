"""The jury: the criteria a campaign is judged on, its judges, and their scores.

Managers set the criteria (each counted `weight` times) and name the judges; a judge scores
every criterion of an entry from 1 to 10 at once, and may score it again to change it. One
judge's score of an entry is the weighted mean of their criteria scores; Entry.jury_score is
the mean over the judges who scored it. That aggregate moves in the transaction that writes
the scores, after locking the entry row, so judges scoring at once never lose an update (on
SQLite, where locks are ignored, writes serialize anyway). reconcile proves it.

Locks are taken in one order, judge row then entry rows, by scoring and by removing a judge;
changing the criteria locks the criterion rows, which every score row references.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import (
    Campaign,
    CampaignPhase,
    Criterion,
    Entry,
    EntryStatus,
    Judge,
    JuryScore,
    User,
)
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries, teams
from cocreate.services.orgs import orgs

MAX_CRITERIA = 10
WEIGHTS = range(1, 11)
SCORES = range(1, 11)
SCORING_PHASES = (CampaignPhase.VOTING, CampaignPhase.JUDGING)
BATCH = 5000


@dataclass(frozen=True)
class CriterionIn:
    name: str | None
    weight: int | None
    description: str | None = ""


# Aggregates -------------------------------------------------------------------------------

def aggregate(rows: Iterable[tuple[str, int, int]]) -> tuple[float | None, int]:
    """(judge id, criterion weight, score) rows of one entry → (jury score, judges)."""
    sums: dict[str, tuple[int, int]] = {}
    for judge_id, weight, score in rows:
        total, weights = sums.get(judge_id, (0, 0))
        sums[judge_id] = (total + weight * score, weights + weight)
    if not sums:
        return None, 0
    per_judge = [total / weights for total, weights in (sums[j] for j in sorted(sums))]
    return sum(per_judge) / len(per_judge), len(per_judge)


async def recompute(entry_id: str) -> tuple[float | None, int]:
    """An entry's jury score and judges, recounted from its score rows."""
    rows = await JuryScore.filter(entry_id=entry_id).values_list(
        "judge_id", "criterion__weight", "score")
    return aggregate(rows)


async def recompute_all() -> dict[str, tuple[float | None, int]]:
    """Every scored entry's jury score and judges, from the score rows (for reconcile)."""
    by_entry: dict[str, list[tuple[str, int, int]]] = {}
    offset = 0
    while True:
        rows = await JuryScore.all().order_by("id").offset(offset).limit(BATCH).values_list(
            "entry_id", "judge_id", "criterion__weight", "score")
        for entry_id, judge_id, weight, score in rows:
            by_entry.setdefault(entry_id, []).append((judge_id, weight, score))
        if len(rows) < BATCH:
            break
        offset += BATCH
    return {entry_id: aggregate(rows) for entry_id, rows in by_entry.items()}


async def store_aggregate(entry_id: str) -> None:
    """Write the recount onto the entry; call with the entry row locked."""
    score, judges = await recompute(entry_id)
    await Entry.filter(id=entry_id).update(jury_score=score, jury_judges=judges)


async def repair_aggregate(entry_id: str) -> None:
    """Set a wrong aggregate to its recount (reconcile's repair, inside its transaction)."""
    await Entry.filter(id=entry_id).select_for_update()
    await store_aggregate(entry_id)


def judge_score(criteria: list[Criterion], scores: Mapping[str, int]) -> float | None:
    """One judge's weighted mean of an entry's criteria scores (None until all are scored)."""
    if not criteria or any(c.id not in scores for c in criteria):
        return None
    weights = sum(c.weight for c in criteria)
    return sum(c.weight * scores[c.id] for c in criteria) / weights


# Criteria ---------------------------------------------------------------------------------

async def list_criteria(campaign: Campaign) -> list[Criterion]:
    return await Criterion.filter(campaign=campaign).order_by("position")


async def criteria_locked(campaign: Campaign) -> bool:
    """The criteria are fixed once a judge has scored."""
    return await JuryScore.exists(criterion__campaign_id=campaign.id)


async def public_criteria(viewer: User | None, slug: str) -> tuple[Campaign, list[Criterion]]:
    """What entries are judged on: public, like the rules."""
    campaign = await campaigns.view_campaign(viewer, slug)
    return campaign, await list_criteria(campaign)


def _clean_criteria(wanted: list[CriterionIn]) -> list[CriterionIn]:
    errors = FieldErrors()
    if not 1 <= len(wanted) <= MAX_CRITERIA:
        errors.add("criteria", f"Give the jury from 1 to {MAX_CRITERIA} criteria.")
    cleaned, seen = [], set()
    for number, item in enumerate(wanted):
        name = errors.text(f"criteria.{number}.name", item.name, label="Name", max_len=80)
        description = errors.text(f"criteria.{number}.description", item.description,
                                  label="Description", min_len=0, max_len=500, multiline=True)
        if name and name.casefold() in seen:
            errors.add(f"criteria.{number}.name", "Each criterion needs its own name.")
        seen.add(name.casefold())
        if not isinstance(item.weight, int) or item.weight not in WEIGHTS:
            errors.add(f"criteria.{number}.weight", "Use a whole number from 1 to 10.")
        cleaned.append(CriterionIn(name, item.weight, description))
    errors.raise_if_any()
    return cleaned


async def set_criteria(actor: User, slug: str, wanted: list[CriterionIn]) -> list[Criterion]:
    """Replace the campaign's criteria, until the first score."""
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    phases.require_entry_kind(campaign, "jury")
    cleaned = _clean_criteria(wanted)
    async with in_transaction():
        # Waits for a score being written (its rows reference these), so the check below
        # sees it; a score arriving later finds its criterion gone and is refused.
        await Criterion.filter(campaign=campaign).select_for_update()
        if await criteria_locked(campaign):
            raise Conflict("Judges have started scoring, so the criteria can't change any "
                           "more.", {"criteria": "Fixed since the first score."})
        await Criterion.filter(campaign=campaign).delete()
        await Criterion.bulk_create([
            Criterion(campaign=campaign, position=n, name=c.name, weight=c.weight,
                      description=c.description or "")
            for n, c in enumerate(cleaned, start=1)
        ])
        await audit.record(
            campaign.org_id, actor, "campaign.criteria", "campaign", campaign.id,
            f"Set the jury's criteria of “{campaign.title}”: "
            + ", ".join(f"{c.name} ×{c.weight}" for c in cleaned),
        )
    return await list_criteria(campaign)


# Judges -----------------------------------------------------------------------------------

def _require_jury_open(campaign: Campaign) -> None:
    if phases.shows_results(campaign):
        raise Forbidden("The results are out, so the jury stays as it is.")


async def list_judges(campaign: Campaign) -> list[Judge]:
    return await Judge.filter(campaign=campaign).select_related("user", "campaign") \
        .order_by("created_at")


async def judge_of(user: User | None, campaign: Campaign) -> Judge | None:
    if user is None:
        return None
    return await Judge.get_or_none(campaign=campaign, user=user)


async def add_judge(actor: User, slug: str, handle: str | None) -> Judge:
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    phases.require_entry_kind(campaign, "jury")
    _require_jury_open(campaign)
    person = await User.get_or_none(handle=(handle or "").strip().lstrip("@").lower())
    if person is None:
        raise Invalid("Nobody has that handle.",
                      {"handle": "Use the handle from their profile address, /u/handle."})
    taken = Conflict(f"{person.display_name} is already a judge.",
                     {"handle": "Already on the jury."})
    if await Judge.exists(campaign=campaign, user=person):
        raise taken
    try:
        async with in_transaction():
            judge = await Judge.create(campaign=campaign, user=person, added_by=actor)
            await audit.record(campaign.org_id, actor, "judge.add", "user", person.id,
                               f"Made {person.display_name} a judge of “{campaign.title}”")
    except IntegrityError as error:
        raise taken from error
    return await Judge.get(id=judge.id).select_related("user", "campaign")


async def remove_judge(actor: User, slug: str, judge_id: str) -> None:
    """Take a judge off the jury: their scores go, and the entries they scored are recounted."""
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    _require_jury_open(campaign)
    judge = await Judge.get_or_none(id=judge_id, campaign=campaign).select_related("user")
    if judge is None:
        raise NotFound("This campaign has no such judge.")
    async with in_transaction():
        # The judge row first, as scoring does: scores in flight finish before we read them.
        if not await Judge.filter(id=judge.id).select_for_update():
            return  # removed meanwhile
        entry_ids = sorted(set(await JuryScore.filter(judge=judge).values_list(
            "entry_id", flat=True)))
        await Entry.filter(id__in=entry_ids).order_by("id").select_for_update()
        await judge.delete()  # its scores go with it
        for entry_id in entry_ids:
            await store_aggregate(entry_id)
        await audit.record(
            campaign.org_id, actor, "judge.remove", "user", judge.user_id,
            f"Took {judge.user.display_name} off the jury of “{campaign.title}” "
            f"({len(entry_ids)} scored entries recounted)", {"entries": len(entry_ids)},
        )


# Scoring ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scored:
    """A judge's own scores of one entry: criterion id → score."""

    entry: Entry
    scores: dict[str, int]
    judge_score: float | None


async def _scorable_entry(actor: User, entry_id: str) -> tuple[Entry, Judge]:
    entry = await entries.view_entry(actor, entry_id)
    campaign = entry.campaign
    judge = await judge_of(actor, campaign)
    if judge is None:
        raise Forbidden(f"Only the judges of “{campaign.title}” can score its entries.")
    if campaign.jury_weight <= 0:
        raise Forbidden("This campaign has no jury, so its entries are not scored.")
    if campaign.phase not in SCORING_PHASES:
        raise Forbidden("Judges score entries while the campaign is in voting or judging; "
                        f"it is in {phases.LABELS[campaign.phase].lower()}.")
    if entry.status != EntryStatus.PUBLISHED:
        raise Forbidden("This entry is not public, so it can't be scored.")
    if entry.author_id == actor.id or await teams.is_member(actor, entry.team_id):
        raise Forbidden("You can't score your own entry or your team's.")
    return entry, judge


def _clean_scores(criteria: list[Criterion], given: Mapping[str, object]) -> dict[str, int]:
    errors = FieldErrors()
    known = {c.id for c in criteria}
    if set(given) - known:
        errors.add("scores", "Score only this campaign's criteria; reload to see them.")
    cleaned: dict[str, int] = {}
    for criterion in criteria:
        value = given.get(criterion.id)
        if value is None:
            errors.add(f"scores.{criterion.id}", f"Score {criterion.name} from 1 to 10.")
        elif isinstance(value, bool) or not isinstance(value, int) or value not in SCORES:
            errors.add(f"scores.{criterion.id}", "Use a whole number from 1 to 10.")
        else:
            cleaned[criterion.id] = value
    errors.raise_if_any("Score every criterion from 1 to 10.")
    return cleaned


async def score_entry(actor: User, entry_id: str, given: Mapping[str, object]) -> Scored:
    """A judge scores every criterion of an entry (again, to change the scores)."""
    entry, judge = await _scorable_entry(actor, entry_id)
    criteria = await list_criteria(entry.campaign)
    if not criteria:
        raise Conflict("The managers have not set the jury's criteria yet.")
    cleaned = _clean_scores(criteria, given)
    now = datetime.now(UTC)
    try:
        async with in_transaction():
            if not await Judge.filter(id=judge.id).select_for_update(no_key=True):
                raise Forbidden("You are no longer a judge of this campaign.")
            await Entry.filter(id=entry.id).select_for_update()
            phase = await Campaign.filter(id=entry.campaign_id).values_list("phase", flat=True)
            if phase[0] not in SCORING_PHASES:
                raise Forbidden("Scoring has closed for this campaign.")
            await JuryScore.filter(judge=judge, entry=entry).delete()
            await JuryScore.bulk_create([
                JuryScore(judge=judge, entry=entry, criterion_id=criterion_id, score=score,
                          updated_at=now)
                for criterion_id, score in cleaned.items()
            ])
            await store_aggregate(entry.id)
    except IntegrityError as error:
        raise Conflict("The jury or its criteria changed meanwhile; reload the page and "
                       "score again.") from error
    return Scored(entry, cleaned, judge_score(criteria, cleaned))
