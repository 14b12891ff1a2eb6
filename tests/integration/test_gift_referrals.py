"""Gifts through share links: a friend who came through a fan's link and gives counts for
the fan (their reach, the power-user ranking, the Fundraiser badge) once the gift is paid,
once however often the payment is announced, and no longer once it is refunded. A donor's
own link, a link older than the window and a gift without a link count for nobody."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from cocreate.http import BROWSER_COOKIE
from cocreate.models import Award, Fundraiser, Gift, Referral, User
from cocreate.services.operations.reconcile import reconcile
from tests.browser import REFERRAL_CODE, Browser, new_client
from tests.integration.test_fundraisers import launch_fundraiser, pledge
from tests.integration.test_stripe_webhooks import deliver, stripe  # noqa: F401 (a fixture)
from tests.people import Person, sign_up, wait_for
from tests.stripe_stand_in import StandIn, charge_refunded, event


async def _code(app: Any, fan: Person, slug: str) -> str:
    """The fan's referral code, read off the share panel of the fundraiser's page."""
    async with new_client(app) as http:
        page = await (await Browser(http).log_in(fan.email)).get(f"/c/{slug}")
    assert "Share your link: what it brings counts for you." in page.text
    found = REFERRAL_CODE.search(page.text)
    assert found, "no share link with a referral code on the fundraiser page"
    return found.group(1)


@asynccontextmanager
async def _friend(app: Any, slug: str, code: str, name: str) -> AsyncIterator[Browser]:
    """Someone who opens the fan's link to the fundraiser in their browser and signs up."""
    async with new_client(app) as http:
        friend = Browser(http)
        await friend.get(f"/c/{slug}?ref={code}")
        await friend.sign_up(name)
        yield friend


async def _give(browser: Browser, slug: str, amount: str, **fields: str) -> httpx.Response:
    await browser.get(f"/c/{slug}")
    sent = await browser.post(f"/c/{slug}/give", {"custom_amount": amount, **fields})
    assert sent.status_code == 303, sent.text
    return sent


def _gift_id(sent: httpx.Response) -> str:
    return sent.headers["location"].rsplit("gift=", 1)[1]


async def _reach(fan: Person) -> dict[str, Any]:
    response = await fan.get("/me/reach")
    assert response.status_code == 200, response.text
    return response.json()


async def _influence(manager: Person, org: str, fan: Person) -> tuple[int, str] | None:
    ranked = await manager.get(f"/orgs/{org}/power-users", params={"by": "influence"})
    assert ranked.status_code == 200, ranked.text
    return next(((p["score"], p["reasons"]) for p in ranked.json()["people"]
                 if p["user"]["handle"] == fan.handle), None)


def _has(badge: str) -> Any:
    """The badge is there, its share card rendered."""
    return lambda body: any(a["badge"] == badge and a["status"] == "ready"
                            for a in body["awards"])


async def test_a_friends_pledges_count_for_the_fan_who_shared_once_paid(app, client,
                                                                       make_client):
    manager = await sign_up(client, "Share manager")
    campaign = await launch_fundraiser(manager, fundraiser_badge_at=5000)
    slug, org = campaign["slug"], campaign["org"]["slug"]
    assert campaign["fundraiser"]["fundraiser_badge_at"] == 5000
    sam = await sign_up(make_client(), "Sam Sharer")
    code = await _code(app, sam, slug)

    # Ada comes through Sam's link, signs up and pledges twice, the second time anonymously.
    async with _friend(app, slug, code, "Ada Friend") as ada:
        named = _gift_id(await _give(ada, slug, "30"))
        hidden = _gift_id(await _give(ada, slug, "25", anonymous="1"))
        ada_handle = (await Gift.get(id=named).select_related("donor")).donor.handle
    assert (await _reach(sam))["total"]["raised"] == []  # a pledge counts once it is paid

    assert (await manager.post(f"/gifts/{named}/paid")).status_code == 200
    await wait_for(sam, f"/users/{ada_handle}/badges", _has("supporter"))
    assert not await Award.exists(badge="fundraiser", user__handle=sam.handle)  # €30 < €50
    assert (await _reach(sam))["total"]["raised_display"] == "€30"

    assert (await manager.post(f"/gifts/{hidden}/paid")).status_code == 200
    badges = await wait_for(sam, f"/users/{sam.handle}/badges", _has("fundraiser"))
    assert [a["label"] for a in badges["awards"] if a["badge"] == "fundraiser"] == ["Fundraiser"]
    assert await Award.filter(badge="supporter", user__handle=ada_handle).count() == 1

    reach = await _reach(sam)
    assert reach["summary"] == ("Your links brought 1 person, 1 signed up, 0 votes, and "
                                "raised €55 for 1 campaign.")
    [row] = reach["campaigns"]
    assert (row["campaign"], row["reach"]["people"], row["reach"]["signups"],
            row["reach"]["gifts"], row["reach"]["raised"]) == (
        slug, 1, 1, 2, [{"amount": 5500, "currency": "EUR", "display": "€55"}])
    assert [(g["name"], g["amount"]["display"]) for g in reach["latest_gifts"]] == [
        ("Anonymous", "€25"), ("Ada Friend", "€30")]
    assert await _influence(manager, org, sam) == (
        1 + 5 + 5, "brought 1 visitor, 1 signed up, 0 votes, raised €55")
    assert await reconcile() == []

    async with new_client(app) as http:
        browser = await Browser(http).log_in(sam.email)
        profile = await browser.get(f"/u/{sam.handle}")
        assert "Your links brought 1 person, 1 signed up, 0 votes, and raised €55 for 1 " \
               "campaign." in profile.text
        page = await browser.get("/me/reach")
        assert page.status_code == 200
        assert "Hot meals all winter" in page.text and "Anonymous</strong> gave €25" in page.text
        part = await browser.get("/me/reach", htmx=True)
        assert part.text.lstrip().startswith('<section class="stack reach"')
        assert "<html" not in part.text
    async with new_client(app) as http:
        assert (await http.get("/me/reach")).headers["location"] == "/login?next=/me/reach"

    # The named gift is refunded: it no longer counts, but the badge stays Sam's.
    assert (await manager.post(f"/gifts/{named}/refund")).status_code == 200
    reach = await _reach(sam)
    assert reach["total"]["raised_display"] == "€25" and reach["total"]["gifts"] == 1
    assert [g["name"] for g in reach["latest_gifts"]] == ["Anonymous"]
    assert await _influence(manager, org, sam) == (
        1 + 5 + 2, "brought 1 visitor, 1 signed up, 0 votes, raised €25")
    assert await Award.filter(badge="fundraiser", user__handle=sam.handle).count() == 1
    assert await reconcile() == []


async def test_own_links_old_links_and_no_link_count_for_nobody(app, client, make_client):
    manager = await sign_up(client, "Rules manager")
    campaign = await launch_fundraiser(manager)
    slug = campaign["slug"]
    assert campaign["fundraiser"]["fundraiser_badge_at"] == 10_000  # €100 by default
    sam = await sign_up(make_client(), "Sam Self")
    code = await _code(app, sam, slug)
    given = []

    # Sam opens his own link before logging in, then gives: his gift is not his referral.
    async with new_client(app) as http:
        own = Browser(http)
        await own.get(f"/c/{slug}?ref={code}")
        await own.log_in(sam.email)
        given.append(_gift_id(await _give(own, slug, "20")))
    # Cal came through Sam's link 31 days ago: the window has passed.
    async with _friend(app, slug, code, "Cal Late") as cal:
        sam_id = (await User.get(handle=sam.handle)).id
        moved = await Referral.filter(
            kind="visit", subject=f"visit:{cal.client.cookies[BROWSER_COOKIE]}:{sam_id}").update(
            created_at=datetime.now(UTC) - timedelta(days=31))
        assert moved == 1
        given.append(_gift_id(await _give(cal, slug, "20")))
    # Dee never came through a link, and gives in the browser and over the API.
    async with new_client(app) as http:
        dee = Browser(http)
        await dee.sign_up("Dee Direct")
        given.append(_gift_id(await _give(dee, slug, "20")))
    api_fan = await sign_up(make_client(), "Api giver")
    given.append((await pledge(api_fan, slug, 2000))["id"])

    for gift_id in given:
        assert (await manager.post(f"/gifts/{gift_id}/paid")).status_code == 200
    assert not await Gift.filter(id__in=given, referred_by_id__not_isnull=True).exists()
    assert not await Referral.exists(kind="gift", subject__in=given)
    reach = await _reach(sam)
    assert (reach["total"]["gifts"], reach["total"]["raised"]) == (0, [])
    await wait_for(sam, f"/users/{sam.handle}/badges", _has("supporter"))  # he gave, though

    too_low = await manager.patch(f"/campaigns/{slug}", {"fundraiser_badge_at": -1})
    assert too_low.status_code == 422 and "fundraiser_badge_at" in too_low.json()["error"][
        "fields"]
    changed = await manager.patch(f"/campaigns/{slug}", {"fundraiser_badge_at": 2500})
    assert changed.json()["fundraiser"]["fundraiser_badge_at"] == 2500
    assert await reconcile() == []

    async with new_client(app) as http:  # the manage form shows and changes it too
        boss = await Browser(http).log_in(manager.email)
        manage = await boss.get(f"/c/{slug}/manage")
        assert 'name="fundraiser_badge_at"' in manage.text and 'value="25"' in manage.text
        form = {"title": campaign["title"], "description": campaign["description"],
                "currency": "EUR", "goal": "5000", "suggested_amounts": "10, 25, 50",
                "match_percent": "100"}
        refused = await boss.post(f"/c/{slug}/manage", {**form, "fundraiser_badge_at": "-3"},
                                  htmx=True)
        assert refused.status_code == 422 and "Use zero (the default) or more." in refused.text
        saved = await boss.post(f"/c/{slug}/manage", {**form, "fundraiser_badge_at": "40"})
        assert saved.status_code == 303, saved.text
    assert (await Fundraiser.get(campaign__slug=slug)).fundraiser_badge_at == 4000


async def test_a_stripe_payment_counts_for_the_sharer_once_and_its_refund_takes_it_back(
        app, client, make_client, stripe: StandIn):  # noqa: F811
    manager = await sign_up(client, "Stripe share manager")
    campaign = await launch_fundraiser(manager)
    slug, org = campaign["slug"], campaign["org"]["slug"]
    sam = await sign_up(make_client(), "Sam Stripe")
    code = await _code(app, sam, slug)
    async with _friend(app, slug, code, "Eve Card") as eve:
        sent = await _give(eve, slug, "40")
    session_id = sent.headers["location"].rsplit("/", 1)[1]
    paid = stripe.pay(session_id)
    completed = event("checkout.session.completed", paid)
    for item in (completed, completed, event("checkout.session.async_payment_succeeded", paid)):
        assert (await deliver(client, item)).status_code == 200
    gift = await Gift.get(provider_ref=session_id)
    assert gift.status == "succeeded" and gift.referred_by_id is not None
    assert await Referral.filter(kind="gift", subject=gift.id).count() == 1
    assert (await _reach(sam))["total"]["raised_display"] == "€40"
    assert await _influence(manager, org, sam) == (
        1 + 5 + 4, "brought 1 visitor, 1 signed up, 0 votes, raised €40")
    assert await reconcile() == []

    refund = event("charge.refunded", charge_refunded(stripe.intents[paid["payment_intent"]]))
    for _ in range(2):
        assert (await deliver(client, json.dumps(refund))).status_code == 200
    assert (await Gift.get(id=gift.id)).status == "refunded"
    reach = await _reach(sam)
    assert (reach["total"]["gifts"], reach["total"]["raised"]) == (0, [])
    assert await _influence(manager, org, sam) == (
        1 + 5, "brought 1 visitor, 1 signed up, 0 votes")
    assert await reconcile() == []
