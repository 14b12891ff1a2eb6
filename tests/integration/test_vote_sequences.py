"""Property: whatever sequence of votes and withdrawals people make, each entry's total equals
its ledger and nobody counts twice."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocreate.models import Entry, User, Vote
from cocreate.services.campaigns import campaigns
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.entries import entries
from cocreate.services.orgs import orgs
from cocreate.services.voting import voting


async def _person(name: str) -> User:
    """A stored account, quickly: the property is about votes, not about signing up."""
    key = uuid.uuid4().hex[:12]
    return await User.create(handle=f"p-{key}", email=f"{key}@example.test",
                             password_hash="not-used", display_name=name)


ACTIONS = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 1), st.booleans()),  # voter, entry, cast?
    min_size=1, max_size=25,
)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
async def test_totals_equal_the_ledger_after_any_sequence(app, actions):
    deps = app.state.deps
    manager, *authors = [await _person(f"Author {n}") for n in range(3)]
    org = await orgs.create_org(manager, f"Sequences {uuid.uuid4().hex[:8]}", "brand")
    campaign = await campaigns.create_campaign(manager, org.slug, "idea", CampaignSettings(
        title="Property testing", description="Any order of votes."))
    entry_ids = [
        (await entries.submit(deps, author, campaign.slug, f"Idea of {author.display_name}",
                              "")).id
        for author in authors
    ][:2]
    people = [await _person(f"Voter {n}") for n in range(4)]
    expected: dict[str, set[str]] = {entry_id: set() for entry_id in entry_ids}
    for voter, which, cast in actions:
        entry_id = entry_ids[which]
        if cast:
            count = await voting.cast(deps, people[voter], entry_id)
            expected[entry_id].add(people[voter].id)
        else:
            count = await voting.withdraw(deps, people[voter], entry_id)
            expected[entry_id].discard(people[voter].id)
        assert count == len(expected[entry_id])
    for entry_id in entry_ids:
        stored = await Entry.get(id=entry_id)
        ledger = await Vote.filter(entry_id=entry_id).count()
        assert stored.vote_count == ledger == len(expected[entry_id])
