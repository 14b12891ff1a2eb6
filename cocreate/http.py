"""What handlers read off a request: the acting user, the client address, the services' deps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request

from cocreate.lib.errors import Unauthenticated
from cocreate.lib.identifiers import SHAPES, Shape
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


class ShapeConvertor(Convertor[str]):
    """A path parameter of one identifier shape (`{entry:id}`, `{campaign:campaign_slug}`):
    a value of another shape matches no route, so it is a 404 before any query."""

    def __init__(self, shape: Shape) -> None:
        self.regex = shape.regex

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return str(value)


def _register_path_convertors() -> None:
    # Routes compile their paths when declared: web/ and api/ modules import this one first.
    for shape in SHAPES:
        register_url_convertor(shape.name, ShapeConvertor(shape))


_register_path_convertors()
