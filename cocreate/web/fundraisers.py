"""Fundraisers in the browser: the page (story, progress, supporters, the give form), giving,
the thank-you page donors come back to, and the managers' gift book."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import (
    BROWSER_COOKIE,
    REFERRAL_COOKIE,
    current_user,
    deps,
    require_user,
    wants_fragment,
)
from cocreate.lib import money, urls
from cocreate.lib.errors import Invalid, NotFound
from cocreate.read_models import campaign as campaign_rm
from cocreate.read_models import fundraiser as fundraiser_rm
from cocreate.services.campaigns import fundraisers
from cocreate.services.core.validation import read
from cocreate.services.fundraising import fundraising_pages, gift_input, gifts
from cocreate.services.fundraising.gift_input import GiftInput
from cocreate.services.influence import referrals
from cocreate.web.common import (
    after_post,
    form_data,
    login_first,
    page,
    share_links,
)
from cocreate.web.follows import campaign_button
from cocreate.web.forms import Form, form_action
from cocreate.web.fundraising_pages import page_give_form

if TYPE_CHECKING:
    from cocreate.models import Campaign
    from cocreate.read_models.campaign import FundraiserPage
    from cocreate.read_models.fundraiser import FundraiserView


def fundraiser_context(request: Request, found: FundraiserPage,
                       form: dict[str, str] | None = None) -> dict[str, Any]:
    """The fundraiser's page as its template reads it."""
    campaign, view = found.campaign, found.fundraiser
    settings = deps(request).settings
    return {
        "campaign": campaign, "org": campaign.org, "form": form or {},
        "progress": view.progress, "share": _share(request, campaign, view),
        "supporters": view.supporters, "public_name": gifts.public_name,
        "my_gifts": view.my_gifts, "can_manage": found.can_manage, "phases": found.phases,
        "story": found.story, "cancelled": request.query_params.get("gift") == "cancelled",
        "follow": campaign_button(campaign, found.follow), "card_ready": view.card_ready,
        "share_image": settings.absolute_url(f"{urls.campaign_path(campaign.slug)}/card.png")
        if view.has_image else None,
        "my_page": view.my_page, "top_pages": view.top_pages, "top_teams": view.top_teams,
    }


def _share(request: Request, campaign: Campaign, view: FundraiserView) -> dict[str, Any]:
    """The fundraiser's share links, carrying the viewer's referral code: what friends give
    through them counts for the viewer."""
    url = referrals.with_code(
        deps(request).settings.absolute_url(urls.campaign_path(campaign.slug)),
        view.referral_code)
    progress = view.progress
    text = (f"Help {campaign.org.name} raise {progress.show(progress.goal)} for "
            f"“{campaign.title}”: every gift counts.")
    return {"url": url, "links": share_links(url, text)}


async def _give_form(request: Request, sent: dict[str, str]) -> Form:
    """The give form as sent: on a fan's fundraising page when it was given there, else on
    the fundraiser's page. htmx swaps only the form, so only its part is computed."""
    viewer = current_user(request)
    campaign = await campaign_rm.visible(viewer, request.path_params["campaign"])
    if sent.get("page_id"):
        return await page_give_form(request, campaign, sent["page_id"], sent)
    if not wants_fragment(request):
        found = await campaign_rm.page_of(viewer, deps(request).storage, campaign,
                                          campaign_rm.GalleryQuery())
        assert isinstance(found, campaign_rm.FundraiserPage)  # gifts go to fundraisers only
        return Form("pages/fundraising/fundraiser.html",
                    fundraiser_context(request, found, form=sent),
                    "give_form")
    panel = await fundraiser_rm.give_panel(viewer, campaign)
    return Form("pages/fundraising/fundraiser.html", {
        "campaign": campaign, "org": campaign.org, "form": sent,
        "progress": panel.progress, "my_gifts": panel.my_gifts,
        "cancelled": request.query_params.get("gift") == "cancelled"}, "give_form")


def amount_from_form(submitted: dict[str, str], currency: str) -> int:
    """The amount typed (or else the suggested one picked), in minor units."""
    typed = (submitted.get("custom_amount") or "").strip() or submitted.get("amount") or ""
    if not typed.strip():
        raise Invalid("Choose an amount.", {"amount": "Choose or type an amount."})
    try:
        return money.parse_major(typed, currency)
    except ValueError as error:
        raise Invalid("Please correct the amount.", {"amount": str(error)}) from error


@form_action(_give_form)
async def give(request: Request) -> Response:
    slug = request.path_params["campaign"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.campaign_path(slug) + "#give")
    submitted = await form_data(request)
    campaign = await campaign_rm.visible(user, slug)
    progress = await fundraisers.current_progress(campaign)
    wanted = read(GiftInput, {
        "amount": amount_from_form(submitted, progress.currency),
        "anonymous": submitted.get("anonymous") == "1", "message": submitted.get("message", ""),
        "page_id": submitted.get("page_id") or None})  # given on a fan's fundraising page
    started = await gift_input.give(deps(request), user, slug, wanted,
                                    referral_code=request.cookies.get(REFERRAL_COOKIE),
                                    visitor_id=request.cookies.get(BROWSER_COOKIE))
    thanks = f"{urls.campaign_path(slug)}/thanks?gift={started.gift.id}"
    return after_post(request, started.redirect_url or thanks)


async def thanks(request: Request) -> Response:
    """Where donors land after paying (or pledging): their gift's state, if it is theirs."""
    viewer = current_user(request)
    campaign = await campaign_rm.visible(viewer, request.path_params["campaign"])
    gift = None
    gift_id = request.query_params.get("gift")
    if viewer is not None and gift_id:
        try:
            found = await gifts.view_gift(viewer, gift_id)
        except NotFound:
            found = None
        gift = found if found is not None and found.donor_id == viewer.id else None
    given_on = await fundraising_pages.given_on(gift) if gift else None
    view = await fundraiser_rm.view(viewer, campaign)  # what to do next: share, own page
    return page(request, "pages/fundraising/gift_thanks.html", {
        "campaign": campaign, "org": campaign.org, "gift": gift,
        "given_on": given_on, "share": _share(request, campaign, view),
        "progress": view.progress, "my_page": view.my_page,
        "given_on_path": urls.fundraising_page_path(campaign.slug, given_on.slug)
        if given_on else None,
    })


async def _book_context(request: Request, slug: str, **extra: Any) -> dict[str, Any]:
    status = request.query_params.get("status") or None
    campaign, book = await gifts.book(require_user(request), slug, status)
    return {"campaign": campaign, "org": campaign.org, "book": book,
            "progress": await fundraisers.current_progress(campaign),
            "describe": gifts.describe, **extra}


async def gift_book(request: Request) -> Response:
    return page(request, "pages/fundraising/fundraiser_gifts.html",
                await _book_context(request, request.path_params["campaign"]))


async def _book_form(request: Request, sent: dict[str, str]) -> Form:
    context = await _book_context(request, request.path_params["campaign"])
    return Form("pages/fundraising/fundraiser_gifts.html", context, "gift_book")


@form_action(_book_form)
async def gift_action(request: Request) -> Response:
    """A manager marks a pledge paid, cancels it or refunds a gift."""
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    gift = await gifts.manage(deps(request), user, request.path_params["gift"],
                              submitted.get("action") or "")
    if wants_fragment(request):
        done = (f"The gift of {money.format_money(gift.amount, gift.currency)} by "
                f"{gift.donor.display_name} is now {gifts.describe(gift.status)}.")
        context = await _book_context(request, slug, done=done)
        return page(request, "pages/fundraising/fundraiser_gifts.html", context, block="gift_book")
    return after_post(request, f"{urls.campaign_path(slug)}/gifts")


ROUTES = [
    Route("/c/{campaign:campaign_slug}/give", give, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/thanks", thanks, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/gifts", gift_book, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/gifts/{gift:id}", gift_action, methods=["POST"]),
]
