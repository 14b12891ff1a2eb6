"""API: entries, votes and the leaderboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import client_ip, current_user, deps
from cocreate.read_models import entry as entry_model
from cocreate.services.campaigns import campaigns
from cocreate.services.conversation import idea_status
from cocreate.services.entries import entries, entry_edits, entry_input
from cocreate.services.judging import jury_views
from cocreate.services.scores import scores
from cocreate.services.tags import tags
from cocreate.services.voting import voting

if TYPE_CHECKING:
    from cocreate.models import Entry, Tag, User


async def submit_entry(request: Request, user: User, campaign: str,
                       body: schemas.EntryIn) -> schemas.EntryOut:
    created = await entry_input.submit(deps(request), user, campaign, body)
    seen = entry_model.Viewing(user, await entries.get_entry(created.id))
    return present.entry(deps(request).settings, deps(request).storage, seen.entry, campaign,
                         tags=await entry_model.visible_tags(seen))


async def list_entries(request: Request, campaign: str,
                       query: schemas.EntryPageQuery) -> schemas.EntryPage:
    viewer = current_user(request)
    page = await entries.list_entries(campaign, query.sort, query.cursor, query.limit, viewer,
                                      tag=query.tag)
    d = deps(request)
    show_jury = await _jury_visible(viewer, campaign)
    tagged = await _tags_of(viewer, campaign, page.entries)
    return schemas.EntryPage(
        entries=[present.entry(d.settings, d.storage, e, campaign, jury=show_jury,
                               tags=tagged.get(e.id, [])) for e in page.entries],
        next_cursor=page.next_cursor,
    )


async def _tags_of(viewer: User | None, campaign_slug: str, listed: list[Entry]
                   ) -> dict[str, list[Tag]]:
    manager = await campaigns.can_manage(viewer, await campaigns.get_campaign(campaign_slug))
    return await tags.for_entries(viewer, listed, manager=manager)


async def _jury_visible(viewer: User | None, campaign_slug: str) -> bool:
    return await jury_views.scores_visible(viewer, await campaigns.get_campaign(campaign_slug))


async def show_entry(request: Request, entry: str) -> schemas.EntryOut:
    """What the entry's page shows of it (read_models/entry.py), as JSON."""
    seen = await entry_model.viewing(current_user(request), entry)
    shown = await entry_model.summary(seen)
    return present.entry(deps(request).settings, deps(request).storage, seen.entry,
                         seen.entry.campaign.slug, jury=shown.jury_visible, tags=shown.tags,
                         credited=shown.credited)


async def edit_entry(request: Request, user: User, entry: str,
                     body: schemas.EntryEditIn) -> schemas.EntryOut:
    seen = entry_model.Viewing(user, await entry_edits.edit(deps(request), user, entry,
                                                            body.title, body.body))
    return present.entry(deps(request).settings, deps(request).storage, seen.entry,
                         seen.entry.campaign.slug, tags=await entry_model.visible_tags(seen))


async def _vote_out(user: User, entry_id: str, voted: bool) -> schemas.VoteOut:
    """The vote button's state after a vote or its withdrawal, as the page's panel has it."""
    panel = await entry_model.vote_panel(await entry_model.viewing(user, entry_id), voted)
    return schemas.VoteOut(voted=panel.voted, vote_count=panel.count,
                           votes_left=panel.votes_left)


async def vote(request: Request, user: User, entry: str) -> schemas.VoteOut:
    await voting.cast(deps(request), user, entry, client_ip(request))
    return await _vote_out(user, entry, True)


async def unvote(request: Request, user: User, entry: str) -> schemas.VoteOut:
    await voting.withdraw(deps(request), user, entry, client_ip(request))
    return await _vote_out(user, entry, False)


async def leaderboard(request: Request, campaign: str) -> schemas.Leaderboard:
    d = deps(request)
    viewer = current_user(request)
    ranked = await entries.leaderboard(campaign, limit=50, viewer=viewer)
    show_jury = await _jury_visible(viewer, campaign)
    tagged = await _tags_of(viewer, campaign, ranked)
    return schemas.Leaderboard(campaign=campaign, rows=[
        schemas.LeaderboardRow(rank=i, entry=present.entry(
            d.settings, d.storage, e, campaign, jury=show_jury, tags=tagged.get(e.id, [])))
        for i, e in enumerate(ranked, start=1)
    ])


def _ranking(request: Request, scope: str, ranked: list[scores.Ranked]
             ) -> schemas.ContributorRanking:
    settings = deps(request).settings
    return schemas.ContributorRanking(scope=scope, rows=[
        schemas.ContributorRow(rank=r.rank, user=present.user(settings, r.user), votes=r.votes)
        for r in ranked])


async def campaign_contributors(request: Request, campaign: str) -> schemas.ContributorRanking:
    ranked = await scores.campaign_ranking(current_user(request), campaign)
    return _ranking(request, campaign, ranked)


async def org_contributors(request: Request, org: str) -> schemas.ContributorRanking:
    return _ranking(request, org, await scores.org_ranking(org))


async def set_idea_status(request: Request, user: User, entry: str,
                          body: schemas.IdeaStatusIn) -> schemas.EntryOut:
    found = await idea_status.set_status(user, entry, body.status, body.note)
    return present.entry(deps(request).settings, deps(request).storage, found,
                         found.campaign.slug)


ENDPOINTS = [
    Endpoint("PUT", "/entries/{entry:id}/status", set_idea_status,
             "Answer an idea: under review, planned, in progress, done or declined, with a "
             "note; its voters, author and commenters are told (managers)", schemas.EntryOut,
             body=schemas.IdeaStatusIn, errors=(401, 403, 404, 422),
             authorize=access.entry_manager),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/entries", submit_entry, "Submit an entry",
             schemas.EntryOut, status=201, body=schemas.EntryIn,
             errors=(401, 403, 404, 422, 429)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/entries", list_entries,
             "A campaign's entries, cursor-paginated", schemas.EntryPage,
             query=schemas.EntryPageQuery, auth=False, errors=(404, 422)),
    Endpoint("GET", "/entries/{entry:id}", show_entry, "One entry", schemas.EntryOut,
             auth=False, errors=(404,)),
    Endpoint("PATCH", "/entries/{entry:id}", edit_entry,
             "Change your entry's title or description: its author (or its team's captain), "
             "while the campaign takes entries and before anyone voted for it",
             schemas.EntryOut, body=schemas.EntryEditIn, errors=(401, 403, 404, 409, 422, 429)),
    Endpoint("PUT", "/entries/{entry:id}/vote", vote, "Vote for an entry (idempotent)",
             schemas.VoteOut, errors=(401, 403, 404, 429)),
    Endpoint("DELETE", "/entries/{entry:id}/vote", unvote, "Withdraw a vote (idempotent)",
             schemas.VoteOut, errors=(401, 403, 404, 429)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/leaderboard", leaderboard,
             "Entries ranked by votes (ties: earlier first)", schemas.Leaderboard,
             auth=False, errors=(404,)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/contributors", campaign_contributors,
             "People ranked by votes received in the campaign", schemas.ContributorRanking,
             auth=False, errors=(404,)),
    Endpoint("GET", "/orgs/{org:org_slug}/contributors", org_contributors,
             "People ranked by votes received across the organization's campaigns",
             schemas.ContributorRanking, auth=False, errors=(404,)),
]
