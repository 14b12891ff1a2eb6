"""A manager's campaign settings are checked before anything is saved, and the voting rules
stay as they are once people have voted."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Invalid
from cocreate.models import Campaign, Entry
from cocreate.services.campaigns import campaigns
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, person, run_jobs


@pytest.mark.parametrize("budget", [0, 1001])
async def test_a_vote_budget_gives_each_person_from_1_to_1000_votes(deps, budget):
    manager = await person("Manager")

    with pytest.raises(Invalid) as refused:
        await launch(manager, voting_mode="budget", vote_budget=budget)

    assert set(refused.value.fields) == {"vote_budget"}
    assert not await Campaign.exists()


async def test_the_voting_rules_change_until_the_first_vote_and_then_stay(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager, voting_mode="budget", vote_budget=3)
    entry = await idea(deps, author, campaign)

    changed = await campaigns.update_campaign(manager, campaign.slug,
                                              CampaignSettings(vote_budget=5))
    assert changed.vote_budget == 5

    await voting.cast(deps, fan, entry.id)
    with pytest.raises(Invalid) as refused:
        await campaigns.update_campaign(manager, campaign.slug,
                                        CampaignSettings(voting_mode="upvote"))

    assert "have voted already" in refused.value.fields["voting_mode"]
    kept = await campaigns.get_campaign(campaign.slug)
    assert (kept.voting_mode, kept.vote_budget) == ("budget", 5)


async def test_a_published_idea_gets_its_share_card_from_the_in_process_jobs(deps):
    manager, author = await person("Manager"), await person("Zoë Łukasiewicz")
    entry = await idea(deps, author, await launch(manager), "A picnic table that floats")
    assert (await Entry.get(id=entry.id)).card_key is None  # drawn by a job, not the request

    await run_jobs(deps)

    key = (await Entry.get(id=entry.id)).card_key
    assert key and key.endswith("-og.png")
    assert (await deps.storage.read(key)).startswith(b"\x89PNG")
    assert (deps.settings.media_root / key).is_file()  # in the local media folder
