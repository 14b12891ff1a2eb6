"""API: the votes velocity rules held, and the managers' bulk review of them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.lib.identifiers import Id
from cocreate.services.voting import vote_review

if TYPE_CHECKING:
    from cocreate.models import User


class HeldVoteOut(BaseModel):
    id: str
    entry_id: str
    entry_title: str
    voter: schemas.UserOut
    account_created_at: datetime
    network: str | None
    voted_at: datetime


class HeldGroupOut(BaseModel):
    reason: str
    votes: list[HeldVoteOut]


class HeldVotes(BaseModel):
    campaign: str
    groups: list[HeldGroupOut]


class ReviewIn(schemas.Body):
    vote_ids: list[Id] = Field(min_length=1, max_length=vote_review.MAX_PER_REVIEW)
    decision: vote_review.VoteDecision


class ReviewOut(BaseModel):
    changed: int


async def held_votes(request: Request, user: User, campaign: str) -> HeldVotes:
    settings = deps(request).settings
    groups = await vote_review.held_votes(user, campaign)
    return HeldVotes(campaign=campaign, groups=[
        HeldGroupOut(reason=group.reason, votes=[
            HeldVoteOut(id=vote.id, entry_id=vote.entry.id, entry_title=vote.entry.title,
                        voter=present.user(settings, vote.user),
                        account_created_at=vote.user.created_at, network=vote.network,
                        voted_at=vote.created_at)
            for vote in group.votes
        ]) for group in groups
    ])


async def review_held_votes(request: Request, user: User, campaign: str,
                            body: ReviewIn) -> ReviewOut:
    changed = await vote_review.review(deps(request), user, campaign, body.vote_ids,
                                       body.decision)
    return ReviewOut(changed=changed)


ENDPOINTS = [
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/held-votes", held_votes,
             "Votes held out of the totals by velocity rules, grouped by reason (managers)",
             HeldVotes, errors=(401, 403, 404)),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/held-votes/review", review_held_votes,
             "Accept (count) or void held votes in bulk (managers)", ReviewOut,
             body=ReviewIn, errors=(401, 403, 404, 422), authorize=access.campaign_manager),
]
