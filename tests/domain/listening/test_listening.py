"""What fans ask for: a worker writes the terms of each idea and comment, and the managers see
a period's terms and tags, rising ones first, with the entries behind them; what moderation
takes away drops out without rewriting anything."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import Campaign, TermMention, User
from cocreate.services.conversation import comments
from cocreate.services.core import events
from cocreate.services.entries import entries, entry_edits
from cocreate.services.listening import listening
from cocreate.services.moderation import moderation
from cocreate.services.tags import tag_curation
from tests.domain.story import launch, person, run_jobs_named


async def _asked(manager: User, campaign: Campaign, days: int = 30
                 ) -> dict[str, tuple[int, str]]:
    """The terms the manager hears of, with their counts and trends."""
    heard = await listening.summary(manager, campaign.slug, days)
    return {trend.label: (trend.count, trend.trend) for trend in heard.terms}


async def test_the_managers_hear_the_terms_of_ideas_and_comments_once_the_worker_ran(deps):
    manager, fan, other = await person("Manager"), await person("Fan"), await person("Other")
    campaign = await launch(manager)
    entry = await entries.submit(deps, fan, campaign.slug, "Vegan cookies", "",
                                 accept_rules=True)
    await comments.post(deps, other, entry.id, "Yes, a vegan cookie!")
    assert await _asked(manager, campaign) == {}  # nothing is read per request

    await run_jobs_named(deps, events.TERMS_JOB)
    assert await listening.extract(entry.id) == 3  # run again: rewritten, not added

    assert await _asked(manager, campaign) == {  # one label per stem: the first by the alphabet
        "vegan": (2, "new"), "vegan cookie": (2, "new"), "cookie": (2, "new")}
    assert await TermMention.all().count() == 6


async def test_only_managers_listen_over_7_30_or_90_days(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)

    with pytest.raises(Forbidden, match="can see what fans ask for"):
        await listening.summary(fan, campaign.slug)
    with pytest.raises(Invalid) as refused:
        await listening.summary(manager, campaign.slug, 14)
    assert refused.value.fields == {"days": "Choose 7, 30 or 90 days."}
    with pytest.raises(Invalid):
        await listening.entries_behind(manager, campaign.slug)


async def test_what_moderation_takes_away_and_edits_change_drop_out(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    entry = await entries.submit(deps, fan, campaign.slug, "Oat milk", "", accept_rules=True)
    rude = await comments.post(deps, manager, entry.id, "Soy milk")
    await run_jobs_named(deps, events.TERMS_JOB)

    await comments.remove(manager, rude.id)
    assert set(await _asked(manager, campaign)) == {"oat", "oat milk", "milk"}
    await entry_edits.edit(deps, fan, entry.id, "Rice drink", None)
    await run_jobs_named(deps, events.TERMS_JOB)
    assert set(await _asked(manager, campaign)) == {"rice", "rice drink", "drink"}
    await moderation.act(deps, manager, entry.id, "hide", "Off topic")
    assert await _asked(manager, campaign) == {}


async def test_terms_rise_against_the_period_before_and_lead_to_the_entries_behind(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    ten_days_ago = datetime.now(UTC) - timedelta(days=10)
    await entries.submit(deps, await person(), campaign.slug, "Picnic blanket", "",
                         accept_rules=True, now=ten_days_ago)
    first = await entries.submit(deps, await person(), campaign.slug, "Picnic table", "",
                                 accept_rules=True)
    second = await entries.submit(deps, await person(), campaign.slug, "Picnic table, floating",
                                  "", accept_rules=True)
    await run_jobs_named(deps, events.TERMS_JOB)

    heard = await _asked(manager, campaign, days=7)
    assert heard["picnic"] == (2, "rising") and heard["picnic table"] == (2, "new")
    assert "picnic blanket" not in heard
    behind = await listening.entries_behind(manager, campaign.slug, 7, term="picnic tabl")
    assert (behind.label, [e.id for e in behind.entries]) == (
        "picnic table", [second.id, first.id])


async def test_tags_of_the_periods_new_entries_are_counted_too(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    await tag_curation.create(deps, manager, campaign.slug, "Outdoors")
    tagged = await entries.submit(deps, await person(), campaign.slug, "Kite", "",
                                  accept_rules=True, tag_slugs=["outdoors"])

    heard = await listening.summary(manager, campaign.slug, 7)
    assert [(t.label, t.count, t.trend) for t in heard.tags] == [("Outdoors", 1, "new")]
    behind = await listening.entries_behind(manager, campaign.slug, 7, tag="outdoors")
    assert [e.id for e in behind.entries] == [tagged.id]
