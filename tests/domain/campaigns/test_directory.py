"""The campaign directory: a visitor searches the public campaigns by words, kind,
organization, phase and closing date, sorts them and pages through them; drafts never show,
archived campaigns only when asked for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from cocreate.services.campaigns import directory, lifecycle
from cocreate.services.campaigns.campaigns import CampaignSettings, create_campaign
from cocreate.services.campaigns.directory import DirectoryQuery
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from tests.domain.sharing.story_sharing import fundraiser, paid_gift
from tests.domain.story import idea, launch, launch_kind, person


async def _titles(**asked: object) -> list[str]:
    found = await directory.search(DirectoryQuery.model_validate(asked))
    return [c.title for c in found.campaigns]


async def test_filters_find_each_kind_organization_and_phase_and_never_a_draft(deps):
    manager = await person("Manager")
    mango = await launch(manager, "Mango season")
    remix = await launch_kind(manager, "remix", "Remix our ad")
    await lifecycle.move_by_hand(manager, remix, "voting")
    team = await launch_kind(manager, "team", "Build a robot")
    await lifecycle.move_by_hand(manager, team, "results")
    old = await launch(manager, "Last year's flavour")
    await lifecycle.move_by_hand(manager, old, "archived")
    await create_campaign(manager, mango.org.slug, "idea", CampaignSettings(
        title="Secret plans", description="Not yet."), start_as_draft=True)

    assert sorted(await _titles()) == ["Build a robot", "Mango season", "Remix our ad"]
    assert await _titles(kind="remix") == ["Remix our ad"]
    assert await _titles(org=mango.org.slug) == ["Mango season"]
    assert await _titles(phase="voting") == ["Remix our ad"]
    assert await _titles(phase="archived") == ["Last year's flavour"]
    assert await _titles(q="secret") == []
    with pytest.raises(ValidationError):
        DirectoryQuery.model_validate({"phase": "draft"})


async def test_search_matches_every_word_in_title_description_or_organization(deps):
    manager = await person("Manager")
    await launch(manager, "Mango season")  # described as "Tell us **everything**."
    await launch_kind(manager, "remix", "Remix our ad")
    soup = await launch_kind(manager, "team", "Soup kitchen")

    assert await _titles(q="MANGO") == ["Mango season"]
    assert sorted(await _titles(q="everything")) == ["Mango season", "Remix our ad",
                                                     "Soup kitchen"]
    assert await _titles(q=soup.org.name.upper()) == ["Soup kitchen"]
    assert await _titles(q="season everything") == ["Mango season"]
    assert await _titles(q="season robot") == []
    assert await _titles(q="%") == []  # a wildcard is a character like any other
    assert await _titles(q="_") == []


async def test_closing_soon_lists_what_closes_within_a_week_soonest_first(deps):
    manager = await person("Manager")
    now = datetime.now(UTC)
    await launch(manager, "Closes in ten days", dates={"closes_at": now + timedelta(days=10)})
    await launch(manager, "No closing date")
    await launch(manager, "Closes in three days", dates={"closes_at": now + timedelta(days=3)})
    await launch(manager, "Closes tomorrow", dates={"closes_at": now + timedelta(days=1)})

    assert await _titles(closing_soon="true") == ["Closes tomorrow", "Closes in three days"]
    assert await _titles(sort="closing") == [
        "Closes tomorrow", "Closes in three days", "Closes in ten days", "No closing date"]


async def test_most_entries_and_most_raised_come_first_when_asked(deps):
    manager = await person("Manager")
    quiet = await launch(manager, "Quiet one")
    busy = await launch(manager, "Busy one")
    for n in range(2):
        await idea(deps, await person(f"Fan {n}"), busy, f"Idea {n}")
    await idea(deps, await person("Fan"), quiet)
    bowls = await fundraiser(manager)
    await paid_gift(deps, manager, bowls, 5_000)
    await launch_kind(manager, "fundraiser", "Nothing yet",
                      fundraiser=FundraiserSettings(goal=100_000, currency="EUR"))

    assert (await _titles(sort="entries"))[:2] == ["Busy one", "Quiet one"]
    assert (await _titles(sort="raised"))[0] == "Warm bowls"
    assert await _titles(kind="fundraiser", sort="raised") == ["Warm bowls", "Nothing yet"]


async def test_pages_follow_each_other_without_overlap_and_say_when_they_end(deps):
    manager = await person("Manager")
    for n in range(5):
        await launch(manager, f"Campaign {n}")

    first = await directory.search(DirectoryQuery(limit=2))
    second = await directory.search(DirectoryQuery(limit=2, page=2))
    last = await directory.search(DirectoryQuery(limit=2, page=3))

    seen = [c.title for page in (first, second, last) for c in page.campaigns]
    assert seen == [f"Campaign {n}" for n in (4, 3, 2, 1, 0)]
    assert (first.has_next, second.has_next, last.has_next) == (True, True, False)
    assert (await directory.search(DirectoryQuery(limit=2, page=9))).campaigns == []


def test_a_query_out_of_bounds_is_refused_naming_its_field():
    for asked, field in (({"q": "x" * 10_000}, "q"), ({"kind": "poll"}, "kind"),
                         ({"page": "0"}, "page"), ({"limit": "1000"}, "limit"),
                         ({"sort": "random"}, "sort"), ({"org": "Not A Slug"}, "org"),
                         ({"closing_soon": "maybe"}, "closing_soon")):
        with pytest.raises(ValidationError) as refused:
            DirectoryQuery.model_validate(asked)
        assert [e["loc"][0] for e in refused.value.errors()] == [field]


def test_blank_fields_mean_any_and_links_keep_only_what_was_asked():
    asked = DirectoryQuery.model_validate({"q": " ", "kind": "", "sort": "closing",
                                           "page": "3", "utm_source": "mail"})
    assert (asked.q, asked.kind, asked.page) == ("", None, 3)
    assert asked.changed() == {"sort": "closing"}
    assert asked.changed(page=4) == {"sort": "closing", "page": "4"}
    assert asked.changed(kind="remix", sort=None) == {"kind": "remix"}
