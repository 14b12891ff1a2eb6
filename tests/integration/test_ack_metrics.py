"""Acknowledgement metrics: the share of contributions thanked and how long thanks took,
overall and week by week, on the managers' inbox page and over the API."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from cocreate.models import Entry
from cocreate.services.recognition.ack_metrics import percentile, summarize
from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, sign_up


def test_percentiles_are_nearest_rank():
    assert percentile([], 0.5) is None
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([4.0, 1.0, 3.0, 2.0], 0.5) == 2.0
    assert percentile([float(n) for n in range(1, 11)], 0.9) == 9.0
    start = datetime(2026, 11, 2, tzinfo=UTC)
    summary = summarize([(start, start + timedelta(hours=2)), (start, None)])
    assert (summary.contributions, summary.acknowledged, summary.share) == (2, 1, 0.5)
    assert summary.median_hours == summary.p90_hours == 2.0


async def test_the_inbox_shows_how_well_the_brand_thanks(app, make_client):
    manager = await sign_up(make_client(), "Metrics manager")
    campaign = await launch_campaign(manager, "Measured thanks")
    org = campaign["org"]["slug"]
    fans = [await sign_up(make_client(), name) for name in ("Ada", "Ben", "Cleo", "Dan")]
    ids = [(await fan.post(f"/campaigns/{campaign['slug']}/entries",
                           {"title": f"Idea of {fan.handle}"})).json()["id"] for fan in fans]
    for entry_id, name in zip(ids[:3], ("Ada", "Ben", "Cleo"), strict=True):
        thanked = await manager.post(f"/entries/{entry_id}/acknowledgements",
                                     {"note": f"Thanks, {name}: lovely."})
        assert thanked.status_code == 201
    now = datetime.now(UTC)
    for entry_id, hours in zip(ids[:3], (1, 3, 30), strict=True):  # as if thanked later
        await Entry.filter(id=entry_id).update(created_at=now - timedelta(hours=hours + 1),
                                               acknowledged_at=now - timedelta(hours=1))

    answer = await manager.get(f"/orgs/{org}/acknowledgement-metrics")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["overall"] == {"contributions": 4, "acknowledged": 3, "share": 0.75,
                               "median_hours": 3.0, "p90_hours": 30.0}
    assert len(body["weeks"]) == 12 and sum(w["contributions"] for w in body["weeks"]) == 4
    assert (await fans[0].get(f"/orgs/{org}/acknowledgement-metrics")).status_code == 403

    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        page = await browser.get(f"/o/{org}/inbox")
    assert "<strong>75%</strong> of 4 contributions thanked" in page.text
    assert "<strong>3.0 h</strong> median to the first thanks" in page.text
    assert "<strong>30.0 h</strong> for 9 in 10" in page.text
    data = re.search(r'<script type="application/json" id="ack-chart-data">(.+?)</script>',
                     page.text)
    assert data
    chart = json.loads(data.group(1))
    assert len(chart["labels"]) == 12 and chart["datasets"][0]["data"][-1] is not None
    assert '<script src="/static/vendor/chart.umd.min.js" defer></script>' in page.text
