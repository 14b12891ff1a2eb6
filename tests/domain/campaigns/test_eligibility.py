"""Who may take part: fans accept a campaign's rules once per version, and tell their age or
country when the campaign asks; the ineligible are refused with the reason."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import Entry, RulesAcceptance, User
from cocreate.services.campaigns import campaigns, eligibility
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.entries import entries
from tests.domain.story import launch, person


async def _submit(deps, fan, campaign, **told):
    return await entries.submit(deps, fan, campaign.slug, "Mango chili", "", **told)


async def test_fans_accept_the_rules_once_per_version(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager, rules="Be kind.")

    with pytest.raises(Invalid) as refused:
        await _submit(deps, fan, campaign)
    assert refused.value.fields == {"accept_rules": "Please read and accept the rules to take "
                                                    "part."}
    await _submit(deps, fan, campaign, accept_rules=True)
    await _submit(deps, fan, campaign)  # accepted already
    assert await eligibility.has_accepted(fan, campaign)

    changed = await campaigns.update_campaign(manager, campaign.slug,
                                              CampaignSettings(rules="Be kind. Be brief."))
    assert not await eligibility.has_accepted(fan, changed)
    with pytest.raises(Invalid):
        await _submit(deps, fan, changed)
    await _submit(deps, fan, changed, accept_rules=True)
    assert await RulesAcceptance.filter(user=fan).order_by("version").values_list(
        "version", flat=True) == [1, 2]


async def test_a_campaign_without_rules_asks_for_no_acceptance(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)

    await _submit(deps, fan, campaign)

    assert await eligibility.has_accepted(fan, campaign)
    assert not await eligibility.has_accepted(None, campaign)
    assert not await RulesAcceptance.exists()


async def test_a_minimum_age_asks_for_a_birth_date_and_refuses_the_young(deps):
    manager, young, adult = await person("Manager"), await person("Young"), await person()
    campaign = await launch(manager, min_age=18)
    this_year = datetime.now(UTC).year

    with pytest.raises(Invalid) as refused:
        await _submit(deps, young, campaign)
    assert refused.value.fields == {"birth_date": "This campaign is for people aged 18 or over."}
    with pytest.raises(Forbidden, match="aged 18 or over"):
        await _submit(deps, young, campaign, birth_date=date(this_year - 10, 1, 1))
    await _submit(deps, adult, campaign, birth_date=date(this_year - 30, 1, 1))

    assert await Entry.filter(campaign_id=campaign.id).values_list("author_id", flat=True) == [
        adult.id]
    assert (await User.get(id=young.id)).birth_date is None  # refused: nothing kept
    assert (await User.get(id=adult.id)).birth_date == date(this_year - 30, 1, 1)


async def test_countries_are_asked_for_and_those_elsewhere_refused(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager, eligible_countries=["de", "AT", "DE"])
    assert campaign.eligible_countries == ["DE", "AT"]

    with pytest.raises(Invalid) as refused:
        await _submit(deps, fan, campaign)
    assert set(refused.value.fields) == {"country"}
    with pytest.raises(Forbidden, match="open to people in Germany, Austria only"):
        await _submit(deps, fan, campaign, country="FR")
    await _submit(deps, fan, campaign, country="at")

    assert (await User.get(id=fan.id)).country == "AT"


async def test_what_a_fan_tells_is_checked(deps):
    fan = await person("Fan")

    for told, field in [({"birth_date": date(2999, 1, 1), "country": None}, "birth_date"),
                        ({"birth_date": date(1850, 1, 1), "country": None}, "birth_date"),
                        ({"birth_date": None, "country": "Narnia"}, "country")]:
        with pytest.raises(Invalid) as refused:
            await eligibility.update_profile(fan, **told)
        assert set(refused.value.fields) == {field}


def test_an_age_counts_from_the_birthday_itself():
    assert eligibility.age_on(date(2000, 3, 1), date(2018, 2, 28)) == 17
    assert eligibility.age_on(date(2000, 3, 1), date(2018, 3, 1)) == 18
    assert eligibility.age_on(date(2000, 2, 29), date(2018, 2, 28)) == 17
    assert eligibility.parse_countries([" br ", "", "zz"]) == (
        ["BR"], "Unknown country codes: zz. Use codes like DE, US, BR.")
