"""How well a brand thanks its people: the share of public contributions thanked and how long
the first thanks took (median and 90th percentile, nearest rank), overall and by week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import Forbidden
from cocreate.services.entries import entries
from cocreate.services.recognition import ack_metrics, acknowledgements
from tests.domain.story import launch, person


def test_the_percentile_is_the_smallest_value_with_that_share_at_or_below_it():
    assert ack_metrics.percentile([], 0.5) is None
    assert ack_metrics.percentile([30.0, 10.0], 0.5) == 10.0
    assert ack_metrics.percentile([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 0.9) == 9.0


async def test_the_share_thanked_and_how_long_it_took(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    now = datetime.now(UTC)
    for name, hours_ago, thanked in (("Ana", 10, True), ("Ben", 30, True), ("Cy", 2, False)):
        entry = await entries.submit(deps, await person(name), campaign.slug, f"By {name}", "",
                                     accept_rules=True, now=now - timedelta(hours=hours_ago))
        if thanked:
            await acknowledgements.acknowledge(manager, entry.id, f"Thanks, {name}: lovely!")

    seen = await ack_metrics.metrics(manager, campaign.org.slug, weeks=3)

    overall = seen.overall
    assert (overall.contributions, overall.acknowledged) == (3, 2)
    assert overall.share == pytest.approx(2 / 3)
    assert overall.median_hours == pytest.approx(10, abs=0.1)
    assert overall.p90_hours == pytest.approx(30, abs=0.1)
    assert len(seen.weeks) == 3 and sum(w.summary.contributions for w in seen.weeks) == 3
    with pytest.raises(Forbidden):
        await ack_metrics.metrics(await person("Fan"), campaign.org.slug)
