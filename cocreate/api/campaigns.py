"""API: campaigns, their settings and phases, rules, prizes and winners."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api.directory_schemas import CampaignDirectory, DirectoryQuery
from cocreate.api.endpoint import Endpoint
from cocreate.http import current_user, deps
from cocreate.read_models import campaign as campaign_rm
from cocreate.read_models import directory as directory_rm
from cocreate.services.campaigns import campaigns, eligibility, lifecycle
from cocreate.services.judging import prizes

if TYPE_CHECKING:
    from cocreate.models import Campaign, User


async def _out(request: Request, found: Campaign) -> schemas.CampaignOut:
    return _present(request, await campaign_rm.summary_of(found))


def _present(request: Request, found: campaign_rm.CampaignSummary) -> schemas.CampaignOut:
    d = deps(request)
    return present.campaign(d.settings, d.storage, found.campaign, found.prizes, found.progress)


async def create_campaign(request: Request, user: User, org: str,
                          body: schemas.CampaignIn) -> schemas.CampaignOut:
    created = await campaigns.create_campaign(user, org, body.kind, body.to_settings(),
                                              start_as_draft=body.draft)
    return await _out(request, created)


async def update_campaign(request: Request, user: User, campaign: str,
                          body: schemas.CampaignSettingsIn) -> schemas.CampaignOut:
    return await _out(request, await campaigns.update_campaign(user, campaign,
                                                               body.to_settings()))


async def move_phase(request: Request, user: User, campaign: str,
                     body: schemas.PhaseIn) -> schemas.CampaignOut:
    found = await campaigns.get_campaign(campaign)
    await lifecycle.move_by_hand(user, found, body.phase, deps(request).realtime)
    return await _out(request, await campaigns.get_campaign(campaign))


async def list_campaigns(request: Request, query: DirectoryQuery) -> CampaignDirectory:
    found = await directory_rm.directory_page(query, with_filters=False)
    return CampaignDirectory(
        campaigns=[_present(request, s) for s in await directory_rm.summaries(found)],
        page=found.page, next_page=found.next_page)


async def show_campaign(request: Request, campaign: str) -> schemas.CampaignOut:
    return _present(request, await campaign_rm.summary(current_user(request), campaign))


async def accept_rules(request: Request, user: User, campaign: str) -> schemas.RulesAcceptedOut:
    found = await campaigns.view_campaign(user, campaign)
    await eligibility.accept_rules(user, found)
    return schemas.RulesAcceptedOut(campaign=campaign, version=found.rules_version)


async def set_prizes(request: Request, user: User, campaign: str,
                     body: schemas.PrizesIn) -> schemas.PrizeList:
    wanted = [prizes.PrizeIn(p.rank, p.title, p.description) for p in body.prizes]
    saved = await prizes.set_prizes(user, campaign, wanted)
    return schemas.PrizeList(prizes=[present.prize(p) for p in saved])


async def list_winners(request: Request, campaign: str) -> schemas.WinnerList:
    found = await campaign_rm.winners(current_user(request), campaign)
    d = deps(request)
    return schemas.WinnerList(winners=[
        present.winner(d.settings, d.storage, w, campaign, jury=found.jury_visible)
        for w in found.winners
    ])


async def pick_winner(request: Request, user: User, campaign: str,
                      body: schemas.WinnerIn) -> schemas.WinnerOut:
    picked = await prizes.pick_winner(user, campaign, body.prize_id, body.entry_id)
    return present.winner(deps(request).settings, deps(request).storage, picked, campaign,
                          jury=True)


async def remove_winner(request: Request, user: User, campaign: str,
                        winner: str) -> schemas.WinnerList:
    await prizes.remove_winner(user, campaign, winner)
    return await list_winners(request, campaign)


ENDPOINTS = [
    Endpoint("POST", "/orgs/{org:org_slug}/campaigns", create_campaign,
             "Launch a campaign, open now or as a draft (managers only)", schemas.CampaignOut,
             status=201, body=schemas.CampaignIn, errors=(401, 403, 404, 422),
             authorize=access.org_manager),
    Endpoint("GET", "/campaigns", list_campaigns,
             "Search the public campaigns (newest first unless sorted; drafts never, archived "
             "only when asked for), a page at a time", CampaignDirectory,
             query=DirectoryQuery, auth=False, errors=(422,)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}", show_campaign, "One campaign",
             schemas.CampaignOut, auth=False, errors=(404,)),
    Endpoint("PATCH", "/campaigns/{campaign:campaign_slug}", update_campaign,
             "Change a campaign's settings, dates and rules (managers only)",
             schemas.CampaignOut, body=schemas.CampaignSettingsIn,
             errors=(401, 403, 404, 422), authorize=access.campaign_manager),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/phase", move_phase,
             "Move the campaign to a phase by hand (managers only)", schemas.CampaignOut,
             body=schemas.PhaseIn, errors=(401, 403, 404, 422), authorize=access.campaign_manager),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/rules/accept", accept_rules,
             "Accept the campaign's current rules", schemas.RulesAcceptedOut,
             errors=(401, 404)),
    Endpoint("PUT", "/campaigns/{campaign:campaign_slug}/prizes", set_prizes,
             "Replace the campaign's prizes (managers only)", schemas.PrizeList,
             body=schemas.PrizesIn, errors=(401, 403, 404, 409, 422),
             authorize=access.campaign_manager),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/winners", list_winners,
             "Winners by prize rank (public once results are out)", schemas.WinnerList,
             auth=False, errors=(404,)),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/winners", pick_winner,
             "Pick a winning entry for a prize while judging (managers only)",
             schemas.WinnerOut, status=201, body=schemas.WinnerIn,
             errors=(401, 403, 404, 409, 422), authorize=access.campaign_manager),
    Endpoint("DELETE", "/campaigns/{campaign:campaign_slug}/winners/{winner:id}", remove_winner,
             "Remove a winner while judging (managers only)", schemas.WinnerList,
             errors=(401, 403, 404)),
]
