"""Follow buttons on profiles and campaign pages, and the personal feed.

A button is a POST form: htmx swaps the button for its new state, a plain form goes back to
the page it was on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate import urls
from cocreate.http import current_user, require_user, wants_fragment
from cocreate.models import Campaign, User
from cocreate.services import activity, campaigns, follows, users
from cocreate.web.common import form_data, local_referer, login_first, page, redirect

SUGGESTED_CAMPAIGNS = 6


def user_button(person: User, state: follows.FollowState) -> dict[str, Any]:
    """What partials/_follow_button.html needs for a person."""
    return {"action": f"{urls.user_path(person.handle)}/follow", "name": person.display_name,
            "following": state.following, "followers": state.followers}


def campaign_button(campaign: Campaign, state: follows.FollowState) -> dict[str, Any]:
    return {"action": f"{urls.campaign_path(campaign.slug)}/follow", "name": campaign.title,
            "following": state.following, "followers": state.followers}


async def _toggle(request: Request, back: str, key: str,
                  follow: Callable[[User, str], Awaitable[follows.FollowState]],
                  unfollow: Callable[[User, str], Awaitable[follows.FollowState]],
                  button: Callable[[follows.FollowState], Awaitable[dict[str, Any]]]
                  ) -> Response:
    """Follow or unfollow: htmx swaps the button, a plain form goes back where it came from."""
    user = current_user(request)
    if user is None:
        return login_first(request, local_referer(request, back))
    stop = (await form_data(request)).get("action") == "unfollow"
    state = await (unfollow if stop else follow)(user, key)
    if wants_fragment(request):
        return page(request, "partials/_follow_button.html", {"follow": await button(state)})
    return redirect(local_referer(request, back))


async def follow_person(request: Request) -> Response:
    handle = request.path_params["handle"]

    async def button(state: follows.FollowState) -> dict[str, Any]:
        return user_button(await users.get_by_handle(handle), state)

    return await _toggle(request, urls.user_path(handle), handle, follows.follow_user,
                         follows.unfollow_user, button)


async def follow_campaign(request: Request) -> Response:
    slug = request.path_params["campaign"]

    async def button(state: follows.FollowState) -> dict[str, Any]:
        return campaign_button(await campaigns.get_campaign(slug), state)

    return await _toggle(request, urls.campaign_path(slug), slug, follows.follow_campaign,
                         follows.unfollow_campaign, button)


async def feed_page(request: Request) -> Response:
    user = require_user(request)
    cursor = request.query_params.get("cursor") or None
    found = await activity.feed(user, cursor)
    suggested = [] if found.items or cursor else await follows.suggested_campaigns(
        user, SUGGESTED_CAMPAIGNS)
    return page(request, "pages/feed.html", {
        "items": found.items, "next_cursor": found.next_cursor, "cursor": cursor,
        "suggested": suggested,
    })


ROUTES = [
    Route("/feed", feed_page, methods=["GET"]),
    Route("/u/{handle}/follow", follow_person, methods=["POST"]),
    Route("/c/{campaign}/follow", follow_campaign, methods=["POST"]),
]
