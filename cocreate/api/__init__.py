"""JSON API v1, mounted at /api/v1."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from cocreate.api import (
    accounts,
    acknowledgements,
    campaigns,
    comment_moderation,
    comments,
    email_prefs,
    entries,
    follows,
    fundraisers,
    fundraising_pages,
    jury,
    listening,
    media,
    merging,
    moderation,
    notifications,
    openbadges,
    org_badges,
    orgs,
    power_users,
    reach,
    remix,
    saved_replies,
    similar,
    story_images,
    tags,
    teams,
    vote_review,
)
from cocreate.api.endpoint import Endpoint
from cocreate.api.openapi import build_document

ENDPOINTS: list[Endpoint] = [
    *accounts.ENDPOINTS, *orgs.ENDPOINTS, *campaigns.ENDPOINTS, *media.ENDPOINTS,
    *entries.ENDPOINTS, *moderation.ENDPOINTS, *teams.ENDPOINTS, *jury.ENDPOINTS,
    *remix.ENDPOINTS, *vote_review.ENDPOINTS,
    *notifications.ENDPOINTS, *acknowledgements.ENDPOINTS, *org_badges.ENDPOINTS,
    *openbadges.ENDPOINTS, *comments.ENDPOINTS, *comment_moderation.ENDPOINTS,
    *saved_replies.ENDPOINTS,
    *email_prefs.ENDPOINTS, *follows.ENDPOINTS, *power_users.ENDPOINTS,
    *tags.ENDPOINTS, *listening.ENDPOINTS, *similar.ENDPOINTS, *merging.ENDPOINTS,
    *fundraisers.ENDPOINTS, *reach.ENDPOINTS, *fundraising_pages.ENDPOINTS,
    *story_images.ENDPOINTS,
]


async def openapi_document(request: Request) -> JSONResponse:
    return JSONResponse(build_document(ENDPOINTS, request.app.state.settings.base_url))


def routes() -> list[BaseRoute]:
    return [Route("/openapi.json", openapi_document), *(e.route() for e in ENDPOINTS)]
