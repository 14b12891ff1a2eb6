"""Public badge pages with their share card and verification links, a stable address for the
card image, and the managers' form that revokes a badge."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cocreate.http import current_user, deps, wants_fragment
from cocreate.lib import urls
from cocreate.lib.errors import NotFound
from cocreate.lib.openbadges import paths as ob_paths
from cocreate.services.badges import badges
from cocreate.services.influence import referrals
from cocreate.services.recognition import openbadges
from cocreate.web.common import (
    after_post,
    form_data,
    login_first,
    page,
    share_card_url,
    share_links,
)
from cocreate.web.forms import Form, form_action


async def badge_context(request: Request, award_id: str, **extra: Any) -> dict[str, Any]:
    """What the badge page shows, also when its revocation form comes back with errors."""
    award = await badges.get_award(award_id)
    settings = deps(request).settings
    page_url = settings.absolute_url(urls.award_path(award.id))
    campaign, org = award.campaign, award.campaign.org
    label = badges.label(award)
    headline = f"{award.user.display_name} earned the {label} badge"
    viewer = current_user(request)
    own = viewer is not None and viewer.id == award.user_id
    share_text = (f"I earned the {label} badge in “{campaign.title}” by {org.name} on cocreate!"
                  if own or viewer is None else
                  f"{award.user.display_name} earned the {label} badge in “{campaign.title}” "
                  f"by {org.name} on cocreate!")
    share_url = referrals.with_code(page_url, await referrals.code_for(viewer) if viewer else None)
    return {
        "award": award, "campaign": campaign, "org": org, "person": award.user,
        "label": label, "headline": headline, "description": badges.description(award),
        "page_url": page_url, "share_image": share_card_url(request, award),
        "share_url": share_url, "share_links": share_links(share_url, share_text),
        "assertion_url": settings.absolute_url(ob_paths.assertion_path(award.id)),
        "baked_path": ob_paths.baked_path(award.id),
        "credential_path": ob_paths.credential_path(award.id)
        if settings.open_badges_signing_key is not None else None,
        "can_revoke": award.revoked_at is None
        and await openbadges.can_revoke(current_user(request), award),
        "revoke_form": {}, **extra,
    }


async def badge_page(request: Request) -> Response:
    context = await badge_context(request, request.path_params["award"])
    return page(request, "pages/recognition/badge.html", context,
                block="card" if wants_fragment(request) else None)


async def _revoke_form(request: Request, sent: dict[str, str]) -> Form:
    context = await badge_context(request, request.path_params["award"], revoke_form=sent)
    return Form("pages/recognition/badge.html", context, "revoke_panel")


@form_action(_revoke_form)
async def revoke(request: Request) -> Response:
    """A manager of the awarding organization takes the badge back, with a public reason."""
    award_id = request.path_params["award"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.award_path(award_id))
    submitted = await form_data(request)
    await openbadges.revoke(user, award_id, submitted.get("reason"))
    return after_post(request, urls.award_path(award_id))


async def card_image(request: Request) -> Response:
    award = await badges.get_award(request.path_params["award"])
    if award.status != "ready" or not award.image_key:
        raise NotFound("This card is still being drawn. Try again in a moment.")
    return RedirectResponse(deps(request).storage.url(award.image_key), status_code=302,
                            headers={"Cache-Control": "public, max-age=300"})


ROUTES = [
    Route("/b/{award:id}", badge_page, methods=["GET"]),
    Route("/b/{award:id}/card.png", card_image, methods=["GET"]),
    Route("/b/{award:id}/revoke", revoke, methods=["POST"]),
]
