"""Stable addresses of the entry and profile card images, for og:image and twitter:image.

Crawlers keep the page's image URL; it redirects to the current card in storage, whose key
changes with its content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cocreate.http import deps
from cocreate.lib import urls
from cocreate.lib.errors import NotFound
from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.entries import entries
from cocreate.services.media.media import still_key
from cocreate.services.sharing import entry_cards, fundraiser_cards, profile_cards

if TYPE_CHECKING:
    from cocreate.models import User

CACHE = {"Cache-Control": "public, max-age=300"}


def profile_image_url(request: Request, person: User) -> str | None:
    """The absolute og:image address of a profile's card, once there is one."""
    if not person.card_key:
        return None
    return deps(request).settings.absolute_url(urls.user_card_path(person.handle))


def to_card(request: Request, key: str | None) -> Response:
    """Redirect to a stored card (or the picture standing in for it until it is drawn)."""
    if key is None:
        raise NotFound("This card is still being drawn. Try again in a moment.")
    return RedirectResponse(deps(request).storage.url(key), status_code=302, headers=CACHE)


async def entry_card(request: Request) -> Response:
    """The entry's card; the campaign's cover until the card is drawn."""
    entry = await entries.view_entry(None, request.path_params["entry"])
    return to_card(request, await entry_cards.image_key(entry))


async def profile_card(request: Request) -> Response:
    key = await profile_cards.image_key(request.path_params["handle"])
    return RedirectResponse(deps(request).storage.url(key), status_code=302, headers=CACHE)


async def campaign_cover(request: Request) -> Response:
    """A stable address of a public campaign's cover picture (og:image), for as long as
    crawlers keep it: the stored picture's own address expires."""
    campaign = await campaigns.view_campaign(None, request.path_params["campaign"])
    key = still_key(campaign.cover)
    if key is None:
        raise NotFound("This campaign has no cover picture.")
    return RedirectResponse(deps(request).storage.url(key), status_code=302, headers=CACHE)


async def fundraiser_card(request: Request) -> Response:
    """A public fundraiser's progress card (its cover until the card is drawn)."""
    campaign = await campaigns.view_campaign(None, request.path_params["campaign"])
    return to_card(request, await fundraiser_cards.image_key(await fundraisers.of(campaign),
                                                             campaign.cover_id))


ROUTES = [
    Route("/c/{campaign:campaign_slug}/cover", campaign_cover, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/card.png", fundraiser_card, methods=["GET"]),
    Route("/e/{entry:id}/card.png", entry_card, methods=["GET"]),
    Route("/u/{handle:handle}/card.png", profile_card, methods=["GET"]),
]
