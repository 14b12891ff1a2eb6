"""Prizes and winners: managers set ranked prizes, pick published entries of the campaign
while judging (each entry wins once), and everyone sees the winners with the results."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import Prize
from cocreate.services.campaigns import lifecycle
from cocreate.services.judging import prizes
from cocreate.services.judging.prizes import PrizeIn
from tests.domain.story import idea, launch, person


async def test_each_prize_has_its_own_rank_from_1(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)

    with pytest.raises(Forbidden):
        await prizes.set_prizes(fan, campaign.slug, [PrizeIn(1, "A picnic basket")])
    with pytest.raises(Invalid) as refused:
        await prizes.set_prizes(manager, campaign.slug, [
            PrizeIn(1, "A picnic basket"), PrizeIn(1, ""), PrizeIn(0, "A mug")])
    assert refused.value.fields == {
        "prizes": "Give each prize its own rank: 1 for the first prize, 2, 3 ...",
        "prizes.1.title": "Prize is required."}
    assert not await Prize.exists()

    set_ = await prizes.set_prizes(manager, campaign.slug, [
        PrizeIn(2, "A mug"), PrizeIn(1, "A picnic basket")])
    assert [(p.rank, p.title) for p in set_] == [(1, "A picnic basket"), (2, "A mug")]


async def test_winners_are_picked_while_judging_once_each_and_shown_with_the_results(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    table, kite = [await idea(deps, await person(), campaign, t) for t in ("Table", "Kite")]
    elsewhere = await idea(deps, await person(), await launch(manager), "Elsewhere")
    first, second = await prizes.set_prizes(manager, campaign.slug, [
        PrizeIn(1, "A picnic basket"), PrizeIn(2, "A mug")])

    with pytest.raises(Forbidden, match="picked while the campaign is in judging"):
        await prizes.pick_winner(manager, campaign.slug, first.id, table.id)
    await lifecycle.move_by_hand(manager, campaign, "judging")
    with pytest.raises(Invalid) as foreign:
        await prizes.pick_winner(manager, campaign.slug, first.id, elsewhere.id)
    assert foreign.value.fields == {"entry_id": "Pick a published entry of this campaign."}
    await prizes.pick_winner(manager, campaign.slug, first.id, table.id)
    with pytest.raises(Conflict, match="already won a prize"):
        await prizes.pick_winner(manager, campaign.slug, second.id, table.id)
    await prizes.pick_winner(manager, campaign.slug, second.id, kite.id)

    assert [w.entry.title for w in await prizes.winners(manager, campaign)] == ["Table", "Kite"]
    assert await prizes.winners(fan, campaign) == []
    with pytest.raises(Conflict, match="has a winner; remove the winner first"):
        await prizes.set_prizes(manager, campaign.slug, [PrizeIn(1, "A picnic basket")])

    await lifecycle.move_by_hand(manager, campaign, "results")
    assert [w.prize.title for w in await prizes.winners(fan, campaign)] == [
        "A picnic basket", "A mug"]
    assert await prizes.winning_entry_ids(campaign) == {table.id, kite.id}
    with pytest.raises(Forbidden, match="changed only while the campaign is in judging"):
        await prizes.remove_winner(manager, campaign.slug,
                                   (await prizes.winners(fan, campaign))[0].id)
