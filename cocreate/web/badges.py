"""Public badge pages with their share card, and a stable address for the card image."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cocreate import urls
from cocreate.http import deps, wants_fragment
from cocreate.services import badges
from cocreate.services.errors import NotFound
from cocreate.web.common import page, share_card_url


def share_links(page_url: str, text: str) -> list[tuple[str, str]]:
    """Plain intent links: they work without any third-party script on our pages."""
    return [
        ("X", "https://twitter.com/intent/tweet?" + urlencode({"url": page_url, "text": text})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": page_url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?"
         + urlencode({"url": page_url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {page_url}"})),
    ]


async def badge_page(request: Request) -> Response:
    award = await badges.get_award(request.path_params["award"])
    settings = deps(request).settings
    page_url = settings.absolute_url(urls.award_path(award.id))
    campaign, org = award.campaign, award.campaign.org
    label = badges.label(award)
    headline = f"{award.user.display_name} earned the {label} badge"
    share_text = f"I earned the {label} badge in “{campaign.title}” by {org.name} on cocreate!"
    return page(request, "pages/badge.html", {
        "award": award, "campaign": campaign, "org": org, "person": award.user,
        "label": label, "headline": headline, "description": badges.description(award),
        "page_url": page_url, "share_image": share_card_url(request, award),
        "share_links": share_links(page_url, share_text),
    }, block="card" if wants_fragment(request) else None)


async def card_image(request: Request) -> Response:
    award = await badges.get_award(request.path_params["award"])
    if award.status != "ready" or not award.image_key:
        raise NotFound("This card is still being drawn. Try again in a moment.")
    return RedirectResponse(deps(request).storage.url(award.image_key), status_code=302,
                            headers={"Cache-Control": "public, max-age=300"})


ROUTES = [
    Route("/b/{award}", badge_page, methods=["GET"]),
    Route("/b/{award}/card.png", card_image, methods=["GET"]),
]
