"""API: the jury's criteria, its judges, their scores, and the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api import jury_schemas as js
from cocreate.api.endpoint import Endpoint
from cocreate.http import current_user, deps
from cocreate.services.campaigns.results import ResultRow
from cocreate.services.judging import jury, jury_views

if TYPE_CHECKING:
    from cocreate.models import Criterion, User


def _criterion(found: Criterion) -> js.CriterionOut:
    return js.CriterionOut(id=found.id, position=found.position, name=found.name,
                           description=found.description, weight=found.weight)


def _judge(request: Request, found: jury_views.JudgeProgress) -> js.JudgeOut:
    return js.JudgeOut(id=found.judge.id, user=present.user(deps(request).settings,
                                                            found.judge.user),
                       scored=found.scored, total=found.total)


def _row(request: Request, row: ResultRow, campaign: str) -> js.ResultRowOut:
    d = deps(request)
    return js.ResultRowOut(
        rank=row.rank, entry=present.entry(d.settings, d.storage, row.entry, campaign, jury=True),
        jury_score=row.jury_score, jury_judges=row.jury_judges, votes=row.votes,
        final_score=row.final_score)


async def list_criteria(request: Request, campaign: str) -> js.CriteriaList:
    found, criteria = await jury.public_criteria(current_user(request), campaign)
    return js.CriteriaList(campaign=campaign, locked=await jury.criteria_locked(found),
                           criteria=[_criterion(c) for c in criteria])


async def set_criteria(request: Request, user: User, campaign: str,
                       body: js.CriteriaIn) -> js.CriteriaList:
    await jury.set_criteria(user, campaign, [
        jury.CriterionIn(c.name, c.weight, c.description) for c in body.criteria])
    return await list_criteria(request, campaign)


async def list_judges(request: Request, user: User, campaign: str) -> js.JudgeList:
    _, progress = await jury_views.judges(user, campaign)
    return js.JudgeList(campaign=campaign, judges=[_judge(request, j) for j in progress])


async def add_judge(request: Request, user: User, campaign: str,
                    body: schemas.HandleIn) -> js.JudgeOut:
    added = await jury.add_judge(user, campaign, body.handle)
    return _judge(request, await jury_views.progress_of(added))


async def remove_judge(request: Request, user: User, campaign: str, judge: str
                       ) -> js.JudgeList:
    await jury.remove_judge(user, campaign, judge)
    return await list_judges(request, user, campaign)


def _queue(request: Request, queue: jury_views.JudgeQueue) -> js.JudgeQueueOut:
    d = deps(request)
    slug = queue.campaign.slug
    return js.JudgeQueueOut(
        entries=[js.ScoredOut(entry=present.entry(d.settings, d.storage, item.entry, slug),
                              scores=item.scores, judge_score=item.judge_score)
                 for item in queue.items],
        scored=queue.scored, total=queue.total, open=queue.open)


async def show_jury(request: Request, user: User, campaign: str) -> js.JuryOut:
    view = await jury_views.jury_view(user, campaign)
    criteria = (view.queue or view.overview).criteria  # type: ignore[union-attr]
    return js.JuryOut(
        campaign=campaign, criteria=[_criterion(c) for c in criteria],
        queue=_queue(request, view.queue) if view.queue else None,
        judges=[_judge(request, j) for j in view.overview.judges] if view.overview else None,
        ranking=[_row(request, r, campaign) for r in view.overview.ranking]
        if view.overview else None,
    )


async def score_entry(request: Request, user: User, entry: str,
                      body: js.JuryScoreIn) -> js.JuryScoreOut:
    scored = await jury.score_entry(user, entry, body.scores)
    done, total = await jury_views.judge_progress(user, scored.entry)
    return js.JuryScoreOut(entry_id=scored.entry.id, scores=scored.scores,
                           judge_score=scored.judge_score, scored=done, total=total)


async def show_results(request: Request, campaign: str) -> js.ResultsOut:
    found = await jury_views.campaign_results(current_user(request), campaign)
    return js.ResultsOut(campaign=campaign, final=found.final,
                         jury_weight=found.campaign.jury_weight,
                         rows=[_row(request, r, campaign) for r in found.rows])


ENDPOINTS = [
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/criteria", list_criteria,
             "What the jury scores entries on", js.CriteriaList, auth=False, errors=(404,)),
    Endpoint("PUT", "/campaigns/{campaign:campaign_slug}/criteria", set_criteria,
             "Replace the jury's criteria, until the first score (managers only)",
             js.CriteriaList, body=js.CriteriaIn, errors=(401, 403, 404, 409, 422),
             authorize=access.campaign_manager),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/judges", list_judges,
             "The judges and their progress (managers only)", js.JudgeList,
             errors=(401, 403, 404)),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/judges", add_judge,
             "Name a judge by handle, until the results (managers only)", js.JudgeOut,
             status=201, body=schemas.HandleIn, errors=(401, 403, 404, 409, 422),
             authorize=access.campaign_manager),
    Endpoint("DELETE", "/campaigns/{campaign:campaign_slug}/judges/{judge:id}", remove_judge,
             "Take a judge off the jury; their scores go (managers only)", js.JudgeList,
             errors=(401, 403, 404)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/jury", show_jury,
             "A judge's entries to score, or the managers' progress and preview ranking",
             js.JuryOut, errors=(401, 403, 404)),
    Endpoint("PUT", "/entries/{entry:id}/jury-score", score_entry,
             "Score every criterion of an entry from 1 to 10 (judges, in voting or judging)",
             js.JuryScoreOut, body=js.JuryScoreIn, errors=(401, 403, 404, 409, 422)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/results", show_results,
             "The final ranking: public once the results are out, a preview for managers",
             js.ResultsOut, auth=False, errors=(403, 404)),
]
