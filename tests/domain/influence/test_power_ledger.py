"""The power counters recounted from their rows: after what fans did they equal what is
stored, and a counter that drifted is named and set back to its ledger."""

from __future__ import annotations

from cocreate.models import PowerScore
from cocreate.services.conversation import comments, reactions
from cocreate.services.influence import power_ledger, referrals
from cocreate.services.voting import voting
from tests.domain.influence.story_influence import counters, only
from tests.domain.story import idea, launch, person


async def _busy_campaign(deps):
    manager, ana, ben, cara = (await person("Manager"), await person("Ana"),
                               await person("Ben"), await person("Cara"))
    campaign = await launch(manager)
    entry = await idea(deps, ben, campaign)
    code = await referrals.code_for(ana)
    await referrals.record_visit(code, "browser-1", f"/e/{entry.id}")
    await voting.cast(deps, cara, entry.id, referral_code=code)
    question = await comments.post(deps, ana, entry.id, "Is it very hot?")
    await comments.post(deps, ben, entry.id, "Just warm.", parent_id=question.id)
    await reactions.react(deps, cara, question.id, "helpful", on=True)
    return campaign, ana


async def test_what_fans_did_is_stored_as_the_ledger_counts_it(deps):
    campaign, ana = await _busy_campaign(deps)

    ledger = await power_ledger.ledger()

    assert await power_ledger.differences() == []
    assert dict(ledger[(campaign.org_id, ana.id)]) == {
        key: value for key, value in (await counters(campaign.org_id, ana)).items() if value}


async def test_a_counter_that_drifted_is_named_and_repaired(deps):
    campaign, ana = await _busy_campaign(deps)
    row = f"{campaign.org_id}/{ana.id}"
    await PowerScore.filter(org_id=campaign.org_id, user_id=ana.id).update(visits=40)

    assert await power_ledger.differences() == [("visits", row, 40, 1)]

    await power_ledger.repair(row, "visits", 1)
    assert await power_ledger.differences() == []


async def test_a_row_missing_altogether_is_made_again(deps):
    campaign, ana = await _busy_campaign(deps)
    before = await counters(campaign.org_id, ana)
    await PowerScore.filter(org_id=campaign.org_id, user_id=ana.id).delete()

    for field, row, stored, recounted in await power_ledger.differences():
        assert stored == 0
        await power_ledger.repair(row, field, recounted)

    assert await counters(campaign.org_id, ana) == before != only()
