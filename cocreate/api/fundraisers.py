"""API: a fundraiser's progress and supporters, giving, and the managers' gift book."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import fundraiser_schemas as schemas
from cocreate.api import present
from cocreate.api.endpoint import Endpoint
from cocreate.api.schemas import ProgressOut
from cocreate.http import current_user, deps
from cocreate.lib import money
from cocreate.read_models import fundraiser as fundraiser_rm
from cocreate.services.fundraising import gift_input, gifts

if TYPE_CHECKING:
    from cocreate.models import Gift, User
    from cocreate.settings import Settings


def gift_out(settings: Settings, found: Gift, campaign_slug: str) -> schemas.GiftOut:
    """`found` with its donor loaded; for the donor and managers only."""
    label = "pledged" if found.status == "pending" and found.provider == "offline" else \
        gifts.describe(found.status)
    return schemas.GiftOut(
        id=found.id, campaign=campaign_slug, amount=found.amount,
        currency=found.currency, amount_display=money.format_money(found.amount, found.currency),
        status=found.status, status_label=label, provider=found.provider,
        anonymous=found.anonymous, message=found.message, matched_amount=found.matched_amount,
        page_id=found.page_id,
        donor=present.user(settings, found.donor), created_at=found.created_at,
        paid_at=found.paid_at, refunded_at=found.refunded_at,
    )


def supporter_out(settings: Settings, found: Gift) -> schemas.SupporterOut:
    return schemas.SupporterOut(
        name=gifts.public_name(found),
        user=None if found.anonymous else present.user(settings, found.donor),
        amount=found.amount, currency=found.currency,
        amount_display=money.format_money(found.amount, found.currency),
        message=found.message, given_at=gifts.when(found),
    )


async def show_progress(request: Request, campaign: str) -> ProgressOut:
    return present.progress(await fundraiser_rm.progress(current_user(request), campaign))


async def list_supporters(request: Request, campaign: str) -> schemas.SupporterList:
    found = await fundraiser_rm.supporters(current_user(request), campaign)
    settings = deps(request).settings
    return schemas.SupporterList(supporters=[supporter_out(settings, g) for g in found])


async def give(request: Request, user: User, campaign: str,
               body: schemas.GiftIn) -> schemas.GiftStartedOut:
    started = await gift_input.give(deps(request), user, campaign, body)
    found = await gifts.view_gift(user, started.gift.id)
    return schemas.GiftStartedOut(gift=gift_out(deps(request).settings, found, campaign),
                                  checkout_url=started.redirect_url)


async def list_gifts(request: Request, user: User, campaign: str,
                     query: schemas.GiftQuery) -> schemas.GiftList:
    found, book = await gifts.book(user, campaign, query.status)
    settings = deps(request).settings
    return schemas.GiftList(gifts=[gift_out(settings, g, found.slug) for g in book])


async def show_gift(request: Request, user: User, gift: str) -> schemas.GiftOut:
    found = await gifts.view_gift(user, gift)
    return gift_out(deps(request).settings, found, found.campaign.slug)


def _action(action: str):  # type: ignore[no-untyped-def]
    async def handler(request: Request, user: User, gift: str) -> schemas.GiftOut:
        moved = await gifts.manage(deps(request), user, gift, action)
        return gift_out(deps(request).settings, moved, moved.campaign.slug)

    handler.__name__ = {"paid": "mark_gift_paid", "cancel": "cancel_gift",
                        "refund": "refund_gift"}[action]
    return handler


ENDPOINTS = [
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/progress", show_progress,
             "A fundraiser's progress: raised, matched, gifts, percent of the goal, days left",
             ProgressOut, auth=False, errors=(404,)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/supporters", list_supporters,
             "The latest gifts to a fundraiser, anonymous ones without their donor",
             schemas.SupporterList, auth=False, errors=(404,)),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/gifts", give,
             "Give to a fundraiser: a pledge, or a checkout URL to pay at",
             schemas.GiftStartedOut, status=201, body=schemas.GiftIn,
             errors=(401, 403, 404, 429, 503)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/gifts", list_gifts,
             "Every gift of a fundraiser with its donor (managers only)", schemas.GiftList,
             query=schemas.GiftQuery, errors=(401, 403, 404, 422)),
    Endpoint("GET", "/gifts/{gift:id}", show_gift, "A gift, for its donor and the managers",
             schemas.GiftOut, errors=(401, 404)),
    Endpoint("POST", "/gifts/{gift:id}/paid", _action("paid"),
             "Mark an offline pledge paid (managers only)", schemas.GiftOut,
             errors=(401, 403, 404, 409)),
    Endpoint("POST", "/gifts/{gift:id}/cancel", _action("cancel"),
             "Cancel an offline pledge that will not be paid (managers only)", schemas.GiftOut,
             errors=(401, 403, 404, 409)),
    Endpoint("POST", "/gifts/{gift:id}/refund", _action("refund"),
             "Refund a paid gift (managers only); with a provider, its webhook confirms it",
             schemas.GiftOut, errors=(401, 403, 404, 409, 503)),
]
