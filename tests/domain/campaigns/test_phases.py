"""What each phase allows, as fans meet it: entries while open, votes in voting (or while
open when the campaign says so), gifts while a fundraiser is open, and no gallery for one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import Conflict, Forbidden
from cocreate.models import CampaignPhase
from cocreate.services.campaigns import lifecycle
from cocreate.services.entries import entries
from cocreate.services.fundraising import gifts
from cocreate.services.voting import voting
from tests.domain.sharing.story_sharing import fundraiser
from tests.domain.story import idea, launch, person


async def _submit(deps, fan, campaign):
    return await entries.submit(deps, fan, campaign.slug, "Mango chili", "", accept_rules=True)


async def test_entries_come_in_only_while_a_campaign_is_open(deps):
    manager = await person("Manager")
    draft = await launch(manager, "Soon", dates={"opens_at": datetime.now(UTC) + timedelta(1)})
    closed = await launch(manager, "Closed")
    await lifecycle.move_by_hand(manager, closed, CampaignPhase.VOTING)

    for campaign, reason in [(draft, "has not opened yet"),
                             (closed, "has closed; it no longer takes entries"),
                             (await fundraiser(manager), "takes gifts, not entries")]:
        with pytest.raises(Forbidden, match=reason):
            await _submit(deps, manager, campaign)  # its managers see even the draft


async def test_votes_come_in_voting_or_while_open_when_the_campaign_says_so(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager, vote_in_open=False)
    early = await launch(manager, "Vote early")  # votes while open, unless told otherwise
    entry = await idea(deps, await person("Author"), campaign)

    with pytest.raises(Forbidden, match="Voting has not started yet"):
        await voting.cast(deps, fan, entry.id)
    assert await voting.cast(deps, fan, (await idea(deps, await person(), early)).id) == 1
    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.VOTING)
    assert await voting.cast(deps, fan, entry.id) == 1
    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.JUDGING)
    with pytest.raises(Forbidden, match="Voting has closed"):
        await voting.withdraw(deps, fan, entry.id)


async def test_a_fundraiser_takes_gifts_only_while_open_and_has_no_gallery(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await fundraiser(manager)
    assert (await gifts.give(deps, fan, campaign.slug, 1_000)).gift.amount == 1_000

    with pytest.raises(Conflict, match="is a fundraiser: it takes gifts, not entries"):
        await entries.list_entries(campaign.slug)
    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.CLOSED)
    with pytest.raises(Forbidden, match="no longer takes gifts"):
        await gifts.give(deps, fan, campaign.slug, 1_000)
    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.DRAFT)
    with pytest.raises(Forbidden, match="has not opened yet"):
        await gifts.give(deps, manager, campaign.slug, 1_000)


async def test_a_move_back_or_over_a_phase_says_what_it_does_before_it_is_made(deps):
    manager = await person("Manager")
    campaign = await launch(manager, vote_in_open=False)  # open for entries

    with pytest.raises(Conflict, match="Moving back to Draft: the campaign leaves the site"):
        await lifecycle.move_by_hand(manager, campaign, "draft", confirmed=False)
    with pytest.raises(Conflict, match="skips Voting: fans never get to vote") as skipping:
        await lifecycle.move_by_hand(manager, campaign, "judging", confirmed=False)
    assert skipping.value.fields == {"confirm_phase": "judging"}
    assert campaign.phase == CampaignPhase.OPEN  # nothing moved while asking

    await lifecycle.move_by_hand(manager, campaign, "voting", confirmed=False)  # the next one
    await lifecycle.move_by_hand(manager, campaign, "results", confirmed=True)
    with pytest.raises(Conflict, match=r"fans can vote again.*results are hidden"):
        await lifecycle.move_by_hand(manager, campaign, "voting", confirmed=False)
    with pytest.raises(Conflict, match="voting stops until you move it to voting again"):
        await lifecycle.move_by_hand(manager, campaign, "open", confirmed=False)

    gifts_page = await fundraiser(manager)  # open for gifts
    with pytest.raises(Conflict, match="skips Closed: the fundraiser never shows as closed"):
        await lifecycle.move_by_hand(manager, gifts_page, "archived", confirmed=False)
    await lifecycle.move_by_hand(manager, gifts_page, "draft")
    with pytest.raises(Conflict, match="skips Open for gifts: nobody can give"):
        await lifecycle.move_by_hand(manager, gifts_page, "closed", confirmed=False)
