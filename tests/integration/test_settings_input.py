"""Campaign settings come in through one input (services/campaigns/settings_input.py): the
manage form and the API's JSON body are refused for the same values with the same message
next to each field, and the API document states the limits the service checks."""

from __future__ import annotations

import html
import re
from typing import Any

from cocreate.services.campaigns import campaigns, fundraisers
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
