"""The managers' power users: the organization's fans ranked by influence (what their links
brought) or by conversation (what they drew out of others), with the reasons in words, a page
at a time, ambassadors marked."""

from __future__ import annotations

import pytest

from cocreate.lib import urls
from cocreate.lib.errors import Forbidden, Invalid
from cocreate.services.conversation import comments, reactions
from cocreate.services.influence import referrals
from cocreate.services.reach import power_users
from cocreate.services.recognition import ack_inbox, ambassadors
from cocreate.services.voting import voting
from tests.domain.fundraising.story_fundraising import fundraiser, paid
from tests.domain.story import idea, launch, person


async def test_fans_rank_by_what_their_links_brought_with_the_reasons_in_words(deps):
    manager, loud, quiet = await person("Manager"), await person("Loud"), await person("Quiet")
    campaign = await fundraiser(manager)
    org = campaign.org
    for sharer, visitors in ((loud, 3), (quiet, 1)):
        code = await referrals.code_for(sharer)
        for n in range(visitors):
            await referrals.record_visit(code, f"{sharer.id}-{n}", urls.campaign_path(
                campaign.slug))
    friend = await person("Friend")
    await referrals.record_visit(await referrals.code_for(quiet), "friend-browser",
                                 urls.campaign_path(campaign.slug), friend)
    await paid(deps, manager, friend, campaign, 5_000, referral_code=quiet.referral_code,
               visitor_id="friend-browser")
    await ambassadors.mark(deps, manager, org.slug, loud.handle)

    ranked = await power_users.ranking(manager, org.slug, "influence")

    assert [(row.rank, row.user.display_name, row.score, row.ambassador)
            for row in ranked.rows] == [(1, "Quiet", 7, False), (2, "Loud", 3, True)]
    assert ranked.rows[0].reasons == "brought 2 visitors, 0 signed up, 0 votes, raised €50"
    assert [a.user_id for a in ranked.ambassadors] == [loud.id]
    assert await power_users.power_user_ids(org.id) == {loud.id, quiet.id}


async def test_fans_rank_by_the_conversation_they_draw_a_page_at_a_time(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign, "Floating table")
    opener, replier, helper = [await person(n) for n in ("Opener", "Replier", "Helper")]
    opening = await comments.post(deps, opener, entry.id, "Would it hold four people?")
    await comments.post(deps, replier, entry.id, "Six, I think", parent_id=opening.id)
    await reactions.react(deps, helper, opening.id, "helpful", on=True)
    await comments.post(deps, helper, entry.id, "Love it")

    first = await power_users.ranking(manager, campaign.org.slug, "conversation", limit=2)
    second = await power_users.ranking(manager, campaign.org.slug, "conversation", 2, limit=2)

    # a thread 1, a reply received 2, a helpful reaction 3
    assert [(r.rank, r.user.display_name, r.score) for r in first.rows + second.rows] == [
        (1, "Opener", 6), (2, "Author", 4), (3, "Helper", 1)]
    assert first.rows[0].reasons == "received 1 reply, started 1 thread, 1 helpful reaction"
    assert (first.has_next, second.has_next) == (True, False)


async def test_only_managers_read_the_ranking_by_influence_or_conversation(deps):
    manager, fan = await person("Manager"), await person("Fan")
    org = (await fundraiser(manager)).org

    with pytest.raises(Forbidden):
        await power_users.ranking(fan, org.slug)
    with pytest.raises(Invalid) as unknown:
        await power_users.ranking(manager, org.slug, "money")
    assert unknown.value.fields == {"by": "Use influence, conversation or votes."}
    with pytest.raises(Invalid) as too_far:
        await power_users.ranking(manager, org.slug, page=401)
    assert too_far.value.fields == {"page": "Use a page from 1 to 400."}


async def test_fans_whose_entries_win_votes_rank_by_votes_as_the_inbox_marks_them(deps):
    manager, liked, unliked = await person("Manager"), await person("Liked"), await person("Un")
    campaign = await launch(manager, vote_in_open=True)
    popular = await idea(deps, liked, campaign, "Mango chili")
    await idea(deps, unliked, campaign, "Plain water")
    for _ in range(2):
        await voting.cast(deps, await person("Voter"), popular.id)

    ranked = await power_users.ranking(manager, campaign.org.slug, "votes")
    assert [(row.user.id, row.score, row.reasons) for row in ranked.rows] == [
        (liked.id, 2, "2 votes on their entries")]
    inbox = await ack_inbox.inbox(manager, campaign.org.slug)
    assert inbox.power_ids == {liked.id}  # the same people the ranking lists
