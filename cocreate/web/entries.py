"""Entries: submitting an idea, its page, and voting for it."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate import urls
from cocreate.http import current_user, deps, wants_fragment
from cocreate.services import badges, entries, voting
from cocreate.services.errors import Forbidden, Invalid, RateLimited
from cocreate.web.campaigns import campaign_context
from cocreate.web.common import (
    after_post,
    form_data,
    form_failed,
    local_referer,
    login_first,
    page,
    redirect,
    share_card_url,
)


async def submit(request: Request) -> Response:
    slug = request.path_params["campaign"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.campaign_path(slug))
    submitted = await form_data(request)
    try:
        entry = await entries.submit(
            deps(request), user, slug, submitted.get("title"), submitted.get("body"),
            submitted.get("media_id") or None,
        )
    except (Invalid, RateLimited, Forbidden) as error:  # Forbidden: it closed meanwhile
        context = await campaign_context(request, slug, gallery=not wants_fragment(request),
                                         form=submitted)
        return form_failed(request, "pages/campaign.html", context, error, "entry_form")
    return after_post(request, urls.entry_path(entry.id))


async def entry_page(request: Request) -> Response:
    entry = await entries.get_entry(request.path_params["entry"])
    user = current_user(request)
    award = await badges.award_for_entry(entry.id)
    return page(request, "pages/entry.html", {
        "entry": entry, "campaign": entry.campaign, "org": entry.campaign.org, "award": award,
        "voted": await voting.has_voted(user, entry.id),
        "is_author": user is not None and user.id == entry.author_id,
        "share_image": share_card_url(request, award),
    })


async def vote(request: Request) -> Response:
    entry_id = request.path_params["entry"]
    back = urls.entry_path(entry_id)
    user = current_user(request)
    if user is None:
        return login_first(request, local_referer(request, back))
    submitted = await form_data(request)
    withdraw = submitted.get("action") == "unvote"
    try:
        count = await (voting.withdraw if withdraw else voting.cast)(deps(request), user, entry_id)
    except (Forbidden, RateLimited) as error:
        if not wants_fragment(request):
            raise
        # The button stays where it was, with the reason next to it.
        entry = await entries.get_entry(entry_id)
        return page(request, "partials/_vote_button.html", {
            "entry": entry, "count": entry.vote_count,
            "voted": await voting.has_voted(user, entry_id), "vote_message": error.message,
        })
    if wants_fragment(request):
        entry = await entries.get_entry(entry_id)
        return page(request, "partials/_vote_button.html",
                    {"entry": entry, "count": count, "voted": not withdraw})
    return redirect(local_referer(request, back))


ROUTES = [
    Route("/c/{campaign}/entries", submit, methods=["POST"]),
    Route("/e/{entry}", entry_page, methods=["GET"]),
    Route("/e/{entry}/vote", vote, methods=["POST"]),
]
