"""The held-votes page: managers see why votes were held and accept or void them in bulk."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user
from cocreate.services.campaigns import campaigns
from cocreate.services.core.validation import refuse_control_characters
from cocreate.services.voting import vote_review
from cocreate.web.common import fragment_or_page, redirect
from cocreate.web.forms import Form, form_action

TEMPLATE = "pages/voting/held_votes.html"


async def _context(request: Request, slug: str, **extra: object) -> dict[str, object]:
    user = require_user(request)
    campaign = await campaigns.get_campaign(slug)
    groups = await vote_review.held_votes(user, slug)
    return {"campaign": campaign, "org": campaign.org, "groups": groups,
            "held": sum(len(group.votes) for group in groups), **extra}


async def held_page(request: Request) -> Response:
    slug = request.path_params["campaign"]
    done = request.query_params.get("done")
    return fragment_or_page(request, TEMPLATE, await _context(request, slug, done=done),
                            "held_list")


async def _held_form(request: Request, sent: dict[str, str]) -> Form:
    return Form(TEMPLATE, await _context(request, request.path_params["campaign"]), "held_list")


@form_action(_held_form)
async def review(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    # A bulk review may tick hundreds of boxes: read the form with room for all of them.
    submitted = await request.form(max_files=0, max_fields=vote_review.MAX_PER_REVIEW + 5)
    refuse_control_characters((k, v) for k, v in submitted.multi_items() if isinstance(v, str))
    vote_ids = [v for v in submitted.getlist("vote") if isinstance(v, str) and v]
    decision = submitted.get("decision")
    changed = await vote_review.review(deps(request), user, slug, vote_ids,
                                       decision if isinstance(decision, str) else None)
    done = f"{'Accepted' if decision == 'accept' else 'Voided'} {changed}"
    if request.headers.get("HX-Request") == "true":
        return fragment_or_page(request, TEMPLATE, await _context(request, slug, done=done),
                                "held_list")
    return redirect(f"/c/{slug}/votes/held?done={done.replace(' ', '+')}")


ROUTES = [
    Route("/c/{campaign:campaign_slug}/votes/held", held_page, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/votes/held", review, methods=["POST"]),
]
