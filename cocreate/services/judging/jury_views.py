"""The jury's work as each person may see it: a judge's queue with their own scores, the
managers' progress of every judge with a preview of the ranking, and the results, which are
public once the campaign shows them. Before that only the organization's managers see the
scores, and each judge sees their own."""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.lib.errors import Forbidden
from cocreate.models import Campaign, Criterion, Entry, EntryStatus, Judge, JuryScore, User
from cocreate.services.campaigns import campaigns, phases, results
from cocreate.services.campaigns.results import ResultRow
from cocreate.services.entries import teams
from cocreate.services.judging import jury
from cocreate.services.orgs import orgs

QUEUE_SIZE = 500


async def scores_visible(viewer: User | None, campaign: Campaign) -> bool:
    """Jury scores and final scores: for everyone in results, before that for managers."""
    return phases.shows_results(campaign) or await campaigns.can_manage(viewer, campaign)


async def _scorable(campaign: Campaign, user: User):  # type: ignore[no-untyped-def]
    """The published entries `user` may score: not their own nor their team's."""
    query = Entry.filter(campaign=campaign, status=EntryStatus.PUBLISHED).exclude(author_id=user.id)
    team = await teams.team_of(user, campaign)
    return query.exclude(team_id=team.id) if team else query


async def _scored_count(judge: Judge, query) -> int:  # type: ignore[no-untyped-def]
    scored = set(await JuryScore.filter(judge=judge).values_list("entry_id", flat=True))
    if not scored:
        return 0
    return await query.filter(id__in=sorted(scored)).count()


@dataclass(frozen=True)
class JudgeQueue:
    campaign: Campaign
    judge: Judge
    criteria: list[Criterion]
    items: list[jury.Scored]
    scored: int
    total: int
    open: bool  # scoring is allowed now


async def judge_queue(actor: User, slug: str) -> JudgeQueue:
    """A judge's entries to score, oldest first, with their own scores and progress."""
    campaign = await campaigns.view_campaign(actor, slug)
    judge = await jury.judge_of(actor, campaign)
    if judge is None:
        raise Forbidden(f"Only the judges of “{campaign.title}” can see its scoring queue.")
    return await _queue(campaign, judge, actor)


async def _queue(campaign: Campaign, judge: Judge, user: User) -> JudgeQueue:
    criteria = await jury.list_criteria(campaign)
    query = await _scorable(campaign, user)
    found = await query.select_related("author", "media", "team") \
        .order_by("created_at", "id").limit(QUEUE_SIZE)
    mine: dict[str, dict[str, int]] = {}
    for entry_id, criterion_id, score in await JuryScore.filter(
            judge=judge, entry_id__in=[e.id for e in found]).values_list(
            "entry_id", "criterion_id", "score"):
        mine.setdefault(entry_id, {})[criterion_id] = score
    items = [jury.Scored(e, mine.get(e.id, {}), jury.judge_score(criteria, mine.get(e.id, {})))
             for e in found]
    return JudgeQueue(campaign, judge, criteria, items, await _scored_count(judge, query),
                      await query.count(),
                      campaign.jury_weight > 0 and campaign.phase in jury.SCORING_PHASES)


async def judge_progress(actor: User, entry: Entry) -> tuple[int, int]:
    """(entries scored, entries to score) of the judge `actor` in the entry's campaign."""
    judge = await jury.judge_of(actor, entry.campaign)
    if judge is None:
        return 0, 0
    query = await _scorable(entry.campaign, actor)
    return await _scored_count(judge, query), await query.count()


@dataclass(frozen=True)
class JudgeProgress:
    judge: Judge
    scored: int
    total: int


@dataclass(frozen=True)
class JuryOverview:
    campaign: Campaign
    criteria: list[Criterion]
    locked: bool
    judges: list[JudgeProgress]
    ranking: list[ResultRow]
    final: bool  # the ranking is the published one, not a preview


async def progress_of(judge: Judge) -> JudgeProgress:
    """How far a judge (with campaign and user loaded) has got."""
    query = await _scorable(judge.campaign, judge.user)
    return JudgeProgress(judge, await _scored_count(judge, query), await query.count())


async def judges(actor: User, slug: str) -> tuple[Campaign, list[JudgeProgress]]:
    """The judges and their progress, for the managers."""
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    phases.require_entry_kind(campaign, "jury")
    return campaign, await _progress(campaign)


async def _progress(campaign: Campaign) -> list[JudgeProgress]:
    return [await progress_of(judge) for judge in await jury.list_judges(campaign)]


async def overview(actor: User, slug: str) -> JuryOverview:
    """The managers' view: criteria, every judge's progress, and the ranking so far."""
    campaign, progress = await judges(actor, slug)
    ranking, final = await _ranking(campaign)
    return JuryOverview(campaign, await jury.list_criteria(campaign),
                        await jury.criteria_locked(campaign), progress, ranking, final)


@dataclass(frozen=True)
class JuryView:
    """What GET /campaigns/{c}/jury shows: a judge's queue, the managers' overview, or both."""

    queue: JudgeQueue | None
    overview: JuryOverview | None


async def jury_view(actor: User, slug: str) -> JuryView:
    campaign = await campaigns.view_campaign(actor, slug)
    judge = await jury.judge_of(actor, campaign)
    managing = await campaigns.can_manage(actor, campaign)
    if judge is None and not managing:
        raise Forbidden("Only the campaign's judges and managers can see the jury's work.")
    return JuryView(await _queue(campaign, judge, actor) if judge else None,
                    await overview(actor, slug) if managing else None)


# Results ----------------------------------------------------------------------------------

async def _ranking(campaign: Campaign, limit: int = results.RANKING_SIZE
                   ) -> tuple[list[ResultRow], bool]:
    if campaign.jury_weight <= 0:
        return await results.vote_ranking(campaign, limit), phases.shows_results(campaign)
    if phases.ranks_by_final_score(campaign):
        return await results.stored_ranking(campaign, limit), True
    return await results.preview_ranking(campaign, limit), False


@dataclass(frozen=True)
class CampaignResults:
    campaign: Campaign
    final: bool
    rows: list[ResultRow]


async def campaign_results(viewer: User | None, slug: str,
                           limit: int = results.RANKING_SIZE) -> CampaignResults:
    """The ranking: everyone's once the results are out, a preview for managers before."""
    campaign = await campaigns.view_campaign(viewer, slug)
    if not await scores_visible(viewer, campaign):
        raise Forbidden("The results are not out yet.")
    rows, final = await _ranking(campaign, limit)
    return CampaignResults(campaign, final, rows)


async def results_board(campaign: Campaign, limit: int = 10) -> list[ResultRow]:
    """The campaign page's results: campaigns with a jury, once the results are out."""
    if not phases.ranks_by_final_score(campaign):
        return []
    return await results.stored_ranking(campaign, limit)


@dataclass(frozen=True)
class EntryJury:
    jury_score: float | None
    jury_judges: int
    final_score: float | None
    criteria: list[tuple[Criterion, float | None]]  # each criterion's mean score


async def entry_jury(viewer: User | None, entry: Entry) -> EntryJury | None:
    """An entry's jury scores, for whoever may see them (None for the others)."""
    campaign = entry.campaign
    if campaign.jury_weight <= 0 or not await scores_visible(viewer, campaign):
        return None
    sums: dict[str, list[int]] = {}
    for criterion_id, score in await JuryScore.filter(entry=entry).values_list(
            "criterion_id", "score"):
        sums.setdefault(criterion_id, []).append(score)
    means = [(c, sum(sums[c.id]) / len(sums[c.id]) if c.id in sums else None)
             for c in await jury.list_criteria(campaign)]
    return EntryJury(entry.jury_score, entry.jury_judges, entry.final_score, means)
