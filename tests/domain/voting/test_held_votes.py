"""Votes that look organized (many new accounts, or many votes at all, from one network within
minutes) are held out of the totals until a manager accepts them (they count, never held
again) or voids them (kept in the ledger, marked, and a budget vote given back)."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import AuditEvent, Entry, Vote
from cocreate.services.core.context import Deps
from cocreate.services.operations import reconcile
from cocreate.services.voting import vote_review, voting
from tests.domain.story import idea, launch, person

NEW_ACCOUNTS_ALLOWED = 5  # the default vote_hold_new_accounts


async def _crowd(deps: Deps, entry: Entry, size: int, network: str = "203.0.113") -> None:
    """`size` new accounts vote for the entry, each from an address of one network."""
    for n in range(size):
        await voting.cast(deps, await person(f"New {n}"), entry.id, client_ip=f"{network}.{n}")


async def _counted(entry: Entry) -> int:
    return (await Entry.get(id=entry.id)).vote_count


async def test_a_crowd_of_new_accounts_from_one_network_is_held_until_a_manager_accepts(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)

    await _crowd(deps, entry, NEW_ACCOUNTS_ALLOWED)
    assert await _counted(entry) == NEW_ACCOUNTS_ALLOWED
    await _crowd(deps, entry, 1, network="203.0.113")  # one more: the whole cluster is held

    assert await _counted(entry) == 0
    [group] = await vote_review.held_votes(manager, campaign.slug)
    assert len(group.votes) == NEW_ACCOUNTS_ALLOWED + 1
    assert group.reason.startswith("6 accounts less than 24 hours old voted for this entry "
                                   "from network 203.0.113.0/24")

    accepted = await vote_review.review(deps, manager, campaign.slug,
                                        [v.id for v in group.votes], "accept")
    assert accepted == 6 and await _counted(entry) == 6
    assert await vote_review.review(deps, manager, campaign.slug,
                                    [v.id for v in group.votes], "accept") == 0  # once
    await _crowd(deps, entry, 1)  # the next newcomer is held alone: accepted votes stay
    assert await _counted(entry) == 6 and await vote_review.held_count(campaign) == 1
    assert await AuditEvent.filter(action="votes.accept").count() == 1
    assert await reconcile.find_differences() == []


async def test_new_accounts_from_separate_networks_count_at_once(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager))

    for n in range(NEW_ACCOUNTS_ALLOWED + 2):
        await voting.cast(deps, await person(f"Fan {n}"), entry.id, client_ip=f"198.51.{n}.9")
    await _crowd(deps, entry, 1, network="127.0.0")  # a loopback address tells nothing

    assert await _counted(entry) == NEW_ACCOUNTS_ALLOWED + 3
    assert not await Vote.exists(status="held")


async def test_voided_votes_stay_in_the_ledger_and_give_the_budget_vote_back(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager, voting_mode="budget", vote_budget=1)
    entry = await idea(deps, author, campaign)
    await _crowd(deps, entry, NEW_ACCOUNTS_ALLOWED + 1)
    [group] = await vote_review.held_votes(manager, campaign.slug)
    voter = group.votes[0].user
    assert await voting.votes_left(voter, campaign) == 0  # a held vote uses the budget

    await vote_review.review(deps, manager, campaign.slug, [v.id for v in group.votes], "void")

    assert await Vote.filter(entry_id=entry.id, status="voided").count() == 6
    assert await _counted(entry) == 0
    assert await voting.votes_left(voter, campaign) == 1
    assert await reconcile.find_differences() == []


async def test_only_managers_review_and_they_say_accept_or_void_for_some_votes(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager)
    await idea(deps, author, campaign)

    with pytest.raises(Forbidden):
        await vote_review.held_votes(fan, campaign.slug)
    with pytest.raises(Invalid) as undecided:
        await vote_review.review(deps, manager, campaign.slug, ["x"], "maybe")
    assert undecided.value.fields == {"decision": "Choose accept or void."}
    with pytest.raises(Invalid) as nothing:
        await vote_review.review(deps, manager, campaign.slug, [], "void")
    assert nothing.value.fields == {"vote_ids": "Pick from 1 to 1000 held votes."}
