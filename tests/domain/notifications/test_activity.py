"""The activity feed: what the people and campaigns someone follows did, newest first, paged
without OFFSET; each event once, never one's own, never a draft campaign's."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Invalid
from cocreate.models import Activity, CampaignPhase
from cocreate.services.campaigns import lifecycle
from cocreate.services.conversation import comments, follows
from cocreate.services.core.pagination import encode_cursor
from cocreate.services.notifications import activity
from tests.domain.story import idea, launch, person


async def test_ana_reads_what_ben_and_a_campaign_she_follows_did_but_not_her_own(deps):
    ana, ben, cara = await person("Ana"), await person("Ben"), await person("Cara")
    manager = await person("Manager")
    followed, other = await launch(manager, "Followed"), await launch(manager, "Other")
    await follows.follow_user(ana, ben.handle)
    await follows.follow_campaign(ana, followed.slug)

    await idea(deps, ben, other, "Ben's idea")  # Ben, followed: anywhere
    await idea(deps, cara, followed, "Cara's idea")  # the followed campaign: anyone
    await idea(deps, cara, other, "Unseen")  # neither
    await idea(deps, ana, followed, "Ana's own")  # her own: not in her feed

    page = await activity.feed(ana)

    texts = [item.text for item in page.items]
    assert texts == [
        "Cara earned the Contributor badge in “Followed”",
        "Cara shared “Cara's idea” in “Followed”",
        "Ben earned the Contributor badge in “Other”",
        "Ben shared “Ben's idea” in “Other”",
    ]
    assert page.next_cursor is None
    assert (await activity.feed(cara)).items == []  # follows nobody


async def test_the_feed_pages_through_everything_once_in_order(deps):
    ana, ben, manager = await person("Ana"), await person("Ben"), await person("Manager")
    campaign = await launch(manager)
    await follows.follow_user(ana, ben.handle)
    for n in range(7):
        await activity.record(ben.id, campaign.id, "entry", f"Event {n}", f"/e/{n}", f"e:{n}")

    seen, cursor = [], None
    while True:
        page = await activity.feed(ana, cursor, limit=3)
        seen += [item.text for item in page.items]
        if not (cursor := page.next_cursor):
            break

    assert seen == [f"Event {n}" for n in reversed(range(7))]


async def test_an_event_replayed_shows_once_and_forgetting_it_takes_it_out(deps):
    ana, ben, manager = await person("Ana"), await person("Ben"), await person("Manager")
    campaign = await launch(manager)
    await follows.follow_user(ana, ben.handle)

    for _ in range(2):
        await activity.record(ben.id, campaign.id, "badge", "Ben earned it", "/b/1", "award:1")
    assert [item.text for item in (await activity.feed(ana)).items] == ["Ben earned it"]

    await activity.forget("award:1")
    assert (await activity.feed(ana)).items == []


async def test_a_reply_is_an_activity_and_a_comment_on_the_entry_is_not(deps):
    ana, ben, cara = await person("Ana"), await person("Ben"), await person("Cara")
    entry = await idea(deps, cara, await launch(await person("Manager")))
    await follows.follow_user(ana, ben.handle)

    question = await comments.post(deps, ben, entry.id, "Hot?")
    await comments.post(deps, ben, entry.id, "Me too.", parent_id=question.id)

    assert await Activity.filter(kind="reply").values_list("actor_id", "text") == [
        (ben.id, "Ben replied to a comment on “Mango chili”")]
    assert [item.kind for item in (await activity.feed(ana)).items] == ["reply"]


async def test_a_campaign_back_in_draft_leaves_the_feeds(deps):
    ana, ben, manager = await person("Ana"), await person("Ben"), await person("Manager")
    campaign = await launch(manager)
    await follows.follow_user(ana, ben.handle)
    await idea(deps, ben, campaign)
    assert (await activity.feed(ana)).items

    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.DRAFT)

    assert (await activity.feed(ana)).items == []


@pytest.mark.parametrize("values", [["2026-01-01T00:00:00", "abc"], ["yesterday", "abc"],
                                    ["2026-01-01T00:00:00+00:00", 7]])
async def test_a_cursor_the_feed_did_not_give_is_refused(deps, values):
    ana, ben = await person("Ana"), await person("Ben")
    await follows.follow_user(ana, ben.handle)

    with pytest.raises(Invalid) as refused:
        await activity.feed(ana, encode_cursor(values))

    assert refused.value.fields == {"cursor": "Not a valid cursor."}
