"""An action's form and the API's JSON body come in through one input model (campaign
settings, a new entry, a gift, a fan's fundraising page): refused for the same values with
the same message next to each field, and the API document states the limits the services
check."""

from __future__ import annotations

import html
import re
from typing import Any

from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.fundraising import fundraising_pages, gifts
from tests.browser import Browser
from tests.integration.test_fundraisers import launch_fundraiser
from tests.people import launch_campaign, sign_up

FIELD_ERROR = re.compile(r'<p class="field-error" id="field-([a-z_]+)-error">([^<]*)</p>')


def form_errors(page: str) -> dict[str, str]:
    return {name: html.unescape(text) for name, text in FIELD_ERROR.findall(page)}


async def refused_both_ways(manager_browser: Browser, manager: Any, slug: str,
                            typed: dict[str, str], sent: dict[str, Any]) -> tuple[dict, dict]:
    """The manage form with `typed`, and the API with `sent`: each one's field messages."""
    await manager_browser.get(f"/c/{slug}/manage")
    form = await manager_browser.post(f"/c/{slug}/manage", typed)
    assert form.status_code == 422, form.text
    api = await manager.patch(f"/campaigns/{slug}", sent)
    assert api.status_code == 422, api.text
    return form_errors(form.text), api.json()["error"]["fields"]


async def test_the_form_and_the_api_refuse_the_same_settings_in_the_same_words(client,
                                                                               make_client):
    manager = await sign_up(client, "Manager")
    slug = (await launch_campaign(manager))["slug"]
    browser = await Browser(make_client()).log_in(manager.email)

    on_the_form, over_the_api = await refused_both_ways(browser, manager, slug, {
        "min_age": "130", "report_threshold": "0", "max_video_mb": "2000",
        "voting_mode": "budget", "vote_budget": "1001", "jury_weight": "100",
    }, {
        "min_age": 130, "report_threshold": 0, "max_video_mb": 2000,
        "voting_mode": "budget", "vote_budget": 1001, "jury_weight": 100,
    })

    assert on_the_form == over_the_api == {
        "min_age": campaigns.MIN_AGE.message,
        "report_threshold": campaigns.REPORT_THRESHOLD.message,
        "max_video_mb": campaigns.MAX_VIDEO_MB.message,
        "vote_budget": campaigns.VOTE_BUDGET.message,
        "jury_weight": campaigns.SHARED_JURY_WEIGHT.message,
    }


async def test_a_fundraisers_money_is_refused_the_same_way_typed_or_sent(client, make_client):
    manager = await sign_up(client, "Kitchen manager")
    slug = (await launch_fundraiser(manager))["slug"]
    browser = await Browser(make_client()).log_in(manager.email)

    on_the_form, over_the_api = await refused_both_ways(browser, manager, slug, {
        "currency": "EUR", "goal": "", "suggested_amounts": "50, 10", "match_percent": "75",
        "sponsor_name": "", "match_cap": "20",
    }, {
        "currency": "EUR", "goal": 0, "suggested_amounts": [5000, 1000], "match_percent": 75,
        "sponsor_name": "", "match_cap": 2000,
    })

    assert on_the_form == over_the_api
    assert on_the_form["goal"] == fundraisers.GOAL.message
    assert set(on_the_form) == {"goal", "suggested_amounts", "match_percent", "sponsor_name"}


async def test_the_api_document_states_the_limits_the_service_checks(client):
    document = (await client.get("/api/v1/openapi.json")).json()
    for body in ("CampaignSettingsIn", "CampaignIn"):
        fields = document["components"]["schemas"][body]["properties"]
        for name, limit in [("report_threshold", campaigns.REPORT_THRESHOLD),
                            ("vote_budget", campaigns.VOTE_BUDGET),
                            ("max_video_mb", campaigns.MAX_VIDEO_MB),
                            ("goal", fundraisers.GOAL)]:
            number = next(kind for kind in fields[name]["anyOf"] if kind["type"] == "integer")
            assert (number["minimum"], number["maximum"]) == (limit.low, limit.high), name


async def test_an_entry_with_a_date_of_birth_that_is_not_one_is_told_the_same(client,
                                                                              make_client):
    manager = await sign_up(client, "Manager")
    slug = (await launch_campaign(manager))["slug"]
    assert (await manager.patch(f"/campaigns/{slug}", {"min_age": 18})).status_code == 200
    fan = await sign_up(make_client(), "Fan")
    browser = await Browser(make_client()).log_in(fan.email)
    await browser.get(f"/c/{slug}")

    typed = await browser.post(f"/c/{slug}/entries", {"title": "Hello", "birth_date": "30/04"})
    sent = await fan.post(f"/campaigns/{slug}/entries", {"title": "Hello",
                                                          "birth_date": "30/04"})

    assert typed.status_code == sent.status_code == 422
    message = sent.json()["error"]["fields"]["birth_date"]
    assert message == "Use a date like 2001-04-30."
    assert form_errors(typed.text)["birth_date"] == message


async def test_a_gift_and_a_page_are_refused_in_the_same_words_on_the_form_and_the_api(
        client, make_client):
    manager = await sign_up(client, "Kitchen manager")
    slug = (await launch_fundraiser(manager))["slug"]
    fan = await sign_up(make_client(), "Fan")
    browser = await Browser(make_client()).log_in(fan.email)
    await browser.get(f"/c/{slug}")
    too_long = "x" * (gifts.MAX_MESSAGE + 1)

    typed = await browser.post(f"/c/{slug}/give", {"amount": "10", "message": too_long})
    sent = await fan.post(f"/campaigns/{slug}/gifts", {"amount": 1000, "message": too_long})
    assert typed.status_code == sent.status_code == 422
    assert form_errors(typed.text)["message"] == sent.json()["error"]["fields"]["message"]

    story = "y" * (fundraising_pages.MAX_STORY + 1)
    typed = await browser.post(f"/c/{slug}/pages", {"title": "My run", "goal": "100",
                                                    "story": story})
    sent = await fan.post(f"/campaigns/{slug}/pages", {"title": "My run", "goal": 10_000,
                                                        "story": story})
    assert typed.status_code == sent.status_code == 422
    assert form_errors(typed.text)["story"] == sent.json()["error"]["fields"]["story"]


async def test_the_api_document_states_the_text_limits_the_services_check(client):
    schemas = (await client.get("/api/v1/openapi.json")).json()["components"]["schemas"]
    assert schemas["GiftIn"]["properties"]["message"]["maxLength"] == gifts.MAX_MESSAGE
    for body in ("PageIn", "PageEditIn"):
        story = schemas[body]["properties"]["story"]
        assert story["maxLength"] == fundraising_pages.MAX_STORY
