"""Follow buttons on profiles, campaign and entry pages, and the personal feed.

A button is a POST form: htmx swaps the button for its new state, a plain form goes back to
the page it was on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.services.accounts import accounts
from cocreate.services.campaigns import campaigns
from cocreate.services.conversation import follows
from cocreate.services.entries import entries
from cocreate.services.notifications import activity
from cocreate.web.common import form_data, local_referer, login_first, page, redirect

if TYPE_CHECKING:
    from cocreate.models import Campaign, Entry, User

SUGGESTED_CAMPAIGNS = 6


def user_button(person: User, state: follows.FollowState) -> dict[str, Any]:
    """What partials/_follow_button.html needs for a person."""
    return {"action": f"{urls.user_path(person.handle)}/follow", "name": person.display_name,
            "following": state.following, "followers": state.followers}


def entry_button(entry: Entry, state: follows.FollowState) -> dict[str, Any]:
    return {"action": f"{urls.entry_path(entry.id)}/follow", "name": entry.title,
            "following": state.following, "followers": state.followers,
            "hint": "Hear of its new comments and of the brand’s answers"}


def campaign_button(campaign: Campaign, state: follows.FollowState) -> dict[str, Any]:
    return {"action": f"{urls.campaign_path(campaign.slug)}/follow", "name": campaign.title,
            "following": state.following, "followers": state.followers}


@dataclass(frozen=True)
class Followable:
    """What a follow button toggles: the path parameter naming it, its page, the two service
    calls, and the button for a new state."""

    param: str
    page_of: Callable[[str], str]
    follow: Callable[[User, str], Awaitable[follows.FollowState]]
    unfollow: Callable[[User, str], Awaitable[follows.FollowState]]
    button: Callable[[str, follows.FollowState], Awaitable[dict[str, Any]]]

    async def toggle(self, request: Request) -> Response:
        """Follow or unfollow: htmx swaps the button, a plain form goes back where it was."""
        key = request.path_params[self.param]
        back = self.page_of(key)
        user = current_user(request)
        if user is None:
            return login_first(request, local_referer(request, back))
        stop = (await form_data(request)).get("action") == "unfollow"
        state = await (self.unfollow if stop else self.follow)(user, key)
        if wants_fragment(request):
            return page(request, "partials/_follow_button.html",
                        {"follow": await self.button(key, state)})
        return redirect(local_referer(request, back))


async def _person_button(handle: str, state: follows.FollowState) -> dict[str, Any]:
    return user_button(await accounts.get_by_handle(handle), state)


async def _campaign_button(slug: str, state: follows.FollowState) -> dict[str, Any]:
    return campaign_button(await campaigns.get_campaign(slug), state)


async def _entry_button(entry_id: str, state: follows.FollowState) -> dict[str, Any]:
    return entry_button(await entries.get_entry(entry_id), state)


PEOPLE = Followable("handle", urls.user_path, follows.follow_user, follows.unfollow_user,
                    _person_button)
CAMPAIGNS = Followable("campaign", urls.campaign_path, follows.follow_campaign,
                       follows.unfollow_campaign, _campaign_button)
ENTRIES = Followable("entry", urls.entry_path, follows.follow_entry, follows.unfollow_entry,
                     _entry_button)


async def feed_page(request: Request) -> Response:
    user = require_user(request)
    cursor = request.query_params.get("cursor") or None
    found = await activity.feed(user, cursor)
    suggested = [] if found.items or cursor else await follows.suggested_campaigns(
        user, SUGGESTED_CAMPAIGNS)
    return page(request, "pages/notifications/feed.html", {
        "items": found.items, "next_cursor": found.next_cursor, "cursor": cursor,
        "suggested": suggested,
    })


ROUTES = [
    Route("/feed", feed_page, methods=["GET"]),
    Route("/u/{handle:handle}/follow", PEOPLE.toggle, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/follow", CAMPAIGNS.toggle, methods=["POST"]),
    Route("/e/{entry:id}/follow", ENTRIES.toggle, methods=["POST"]),
]
