"""Each kind of campaign speaks of what it takes: an idea challenge of ideas, a remix
challenge of remixes, a team challenge of team entries, a fundraiser of gifts. The home page
counts as taking entries only the campaigns that do: never a fundraiser."""

from __future__ import annotations

import pytest

from cocreate.models import CampaignKind, CampaignPhase
from cocreate.services.campaigns import campaigns, lifecycle
from cocreate.services.campaigns.wording import KINDS, words
from tests.domain.sharing.story_sharing import fundraiser
from tests.domain.story import launch, launch_kind, person


@pytest.mark.parametrize(("kind", "one", "three", "share", "submit", "empty", "similar"), [
    ("idea", "an idea", "3 ideas", "Share your idea", "Submit your idea", "No ideas yet", True),
    ("remix", "a remix", "3 remixes", "Submit your remix", "Submit your remix",
     "No remixes yet", False),
    ("team", "a team entry", "3 team entries", "Submit your team’s entry",
     "Submit your team’s entry", "No team entries yet", False),
])
def test_each_kind_names_its_entries_and_what_to_do(kind, one, three, share, submit, empty,
                                                     similar):
    said = words(kind)
    assert (said.one, said.count(3), said.share, said.submit, said.empty) == (
        one, three, share, submit, empty)
    assert said.count(1) == "1 " + one.split(" ", 1)[1]
    assert said.checks_similar is similar  # only ideas are merged as duplicates


def test_only_an_idea_challenge_speaks_of_ideas():
    for kind, said in KINDS.items():
        texts = [said.challenge, said.entry, said.entries, said.share, said.submit, said.pitch,
                 said.name_it, said.how, said.empty, said.be_first, said.closed_empty,
                 said.count(2), said.entries_title]
        mentions = [text for text in texts if "idea" in text.lower()]
        assert bool(mentions) is (kind == CampaignKind.IDEA), (kind, mentions)


async def test_a_campaign_or_its_entry_has_its_kinds_words(deps):
    manager = await person("Manager")
    remix = await launch_kind(manager, "remix")
    assert words(remix).entries_title == "Remixes"
    assert words(remix).tally(remix) == "0 remixes"
    giving = await fundraiser(manager)
    assert words(giving).tally(giving) == "Fundraiser"


async def test_the_home_page_counts_fundraisers_apart_from_campaigns_taking_entries(deps):
    manager = await person("Manager")
    await launch(manager, "Ideas wanted")
    await launch_kind(manager, "team", "Build a float")
    voting = await launch_kind(manager, "remix", "Remix the ad")
    await lifecycle.move_by_hand(manager, voting, CampaignPhase.VOTING)
    await fundraiser(manager)

    found = await campaigns.open_now()
    assert len(found.campaigns) == 4  # the home page lists every one open now
    assert (found.taking_entries, found.voting, found.taking_gifts) == (2, 1, 1)
