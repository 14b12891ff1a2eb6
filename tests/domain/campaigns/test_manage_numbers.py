"""The manage screen opens with the campaign's numbers: entries, votes and the people voting,
or a fundraiser's money and gifts, each with what the last 24 hours added."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cocreate.models import Entry, Vote
from cocreate.read_models import manage
from cocreate.services.voting import voting
from tests.domain.fundraising.story_fundraising import fundraiser, paid
from tests.domain.story import idea, launch, person


async def test_a_manager_sees_entries_votes_and_voters_with_the_last_day(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    campaign = await launch(manager, vote_in_open=True)
    old = await idea(deps, ana, campaign, "Mango chili")
    new = await idea(deps, ben, campaign, "Lime fizz")
    for voter in (ana, ben, await person("Cy")):
        await voting.cast(deps, voter, (new if voter is ana else old).id)
    await voting.cast(deps, await person("Dee"), new.id)
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    await Entry.filter(id=old.id).update(created_at=two_days_ago)
    await Vote.filter(entry_id=old.id, user_id=ben.id).update(created_at=two_days_ago)

    numbers = await manage.numbers_part(campaign)
    assert (numbers.entries, numbers.entries_today) == (2, 1)
    assert (numbers.votes, numbers.votes_today, numbers.voters) == (4, 3, 4)


async def test_a_fundraiser_manager_sees_the_money_and_the_gifts_of_the_last_day(deps):
    manager = await person("Manager")
    campaign = await fundraiser(manager)
    await paid(deps, manager, await person("Donor"), campaign, 2_500)

    numbers = await manage.numbers_part(campaign)
    assert (numbers.raised, numbers.gifts, numbers.gifts_today) == ("€25", 1, 1)
    assert (await manage.numbers_part(campaign, datetime.now(UTC) + timedelta(days=2))
            ).gifts_today == 0
