"""The acknowledgement inbox: every public entry of the organization's campaigns nobody has
thanked yet, oldest first and a page at a time; ambassadors and power users first if asked."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden, Invalid, NotFound
from cocreate.services.moderation import moderation
from cocreate.services.recognition import ack_inbox, acknowledgements, ambassadors
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, person


async def test_the_unthanked_entries_wait_oldest_first_a_page_at_a_time(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    authors = [await person(f"Ana {n}") for n in range(3)]
    first, second, third = [await idea(deps, a, campaign, f"Idea {n}")
                            for n, a in enumerate(authors)]
    await idea(deps, await person(), await launch(await person("Other brand")), "Not ours")
    await acknowledgements.acknowledge(manager, second.id, "Thanks, Ana: good one!")

    page = await ack_inbox.inbox(manager, campaign.org.slug, limit=1)
    rest = await ack_inbox.inbox(manager, campaign.org.slug, cursor=page.next_cursor, limit=1)

    assert [e.id for e in page.entries + rest.entries] == [first.id, third.id]
    assert (page.waiting, rest.next_cursor) == (2, None)
    with pytest.raises(Forbidden):
        await ack_inbox.inbox(authors[0], campaign.org.slug)


async def test_ambassadors_then_power_users_come_first_when_asked(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    newcomer, popular, named = [await person(n) for n in ("Newcomer", "Popular", "Named")]
    plain = await idea(deps, newcomer, campaign, "Plain")
    loved = await idea(deps, popular, campaign, "Loved")
    marked = await idea(deps, named, campaign, "Named's")
    await voting.cast(deps, newcomer, loved.id)
    await ambassadors.mark(deps, manager, campaign.org.slug, named.handle)

    oldest = await ack_inbox.inbox(manager, campaign.org.slug)
    first = await ack_inbox.inbox(manager, campaign.org.slug, power_first=True, limit=2)
    then = await ack_inbox.inbox(manager, campaign.org.slug, power_first=True,
                                 cursor=first.next_cursor, limit=2)

    assert [e.id for e in oldest.entries] == [plain.id, loved.id, marked.id]
    assert [e.id for e in first.entries + then.entries] == [marked.id, loved.id, plain.id]
    assert (first.ambassador_ids, first.power_ids) == ({named.id}, {named.id, popular.id})


async def test_the_filters_are_one_of_the_organizations_campaigns_and_a_known_kind(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    theirs = await launch(await person("Other brand"))

    with pytest.raises(Invalid) as not_ours:
        await ack_inbox.inbox(manager, campaign.org.slug, campaign_slug=theirs.slug)
    assert not_ours.value.fields == {"campaign": "Not yours."}
    with pytest.raises(Invalid) as unknown:
        await ack_inbox.inbox(manager, campaign.org.slug, kind="fundraiser")
    assert unknown.value.fields == {"kind": "Unknown kind."}
    assert (await ack_inbox.inbox(manager, campaign.org.slug, campaign_slug=campaign.slug,
                                  kind="idea")).waiting == 0


async def test_an_inbox_item_is_a_managers_and_shows_nobody_else_a_hidden_entry(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    rival = await person("Rival brand")
    rival_slug = (await launch(rival)).org.slug
    author = await person("Quiet")
    hidden = await idea(deps, author, campaign, "Secret recipe")
    await moderation.act(deps, manager, hidden.id, "hide", "Off topic here.")
    slug = campaign.org.slug

    assert (await ack_inbox.item(manager, slug, hidden.id)).id == hidden.id
    with pytest.raises(Forbidden):
        await ack_inbox.item(author, slug, hidden.id)  # their own, but not their inbox
    with pytest.raises(NotFound):
        await ack_inbox.item(rival, rival_slug, hidden.id)  # not theirs to see
    with pytest.raises(NotFound):  # the thanks itself answers like the entry's page
        await acknowledgements.acknowledge(rival, hidden.id, "x")
