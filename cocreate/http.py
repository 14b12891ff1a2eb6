"""What handlers read off a request: the acting user, the client address, the services' deps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.lib.errors import Unauthenticated
from cocreate.services.core.context import Deps

if TYPE_CHECKING:
    from cocreate.models import User

SESSION_COOKIE = "cc_session"
BROWSER_COOKIE = "cc_bid"
REFERRAL_COOKIE = "cc_ref"  # the first share link a visitor came through (first touch)
# Link-preview fetchers of social networks and chat apps: served without cookies or sessions.
CRAWLERS = ("facebookexternalhit", "facebookcatalog", "twitterbot", "linkedinbot", "slackbot",
            "discordbot", "whatsapp", "telegrambot", "pinterest", "redditbot", "embedly",
            "skypeuripreview", "mastodon")


def deps(request: Request) -> Deps:
    return request.app.state.deps


def current_user(request: Request) -> User | None:
    return getattr(request.state, "user", None)


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:  # a bearer token that no longer works says why (services/accounts)
        raise Unauthenticated(getattr(request.state, "auth_problem", "Please log in first."))
    return user


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def is_crawler(request: Request) -> bool:
    agent = request.headers.get("user-agent", "").lower()
    return any(name in agent for name in CRAWLERS)


def wants_fragment(request: Request) -> bool:
    """htmx asked for a partial (and not a history restore, which needs the full page)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )
