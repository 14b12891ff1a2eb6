"""The reconcile job recounts every counter from its ledger: after everything the suite has
done so far it finds no difference, and a counter broken by hand is reported and repaired."""

from __future__ import annotations

import asyncio

from cocreate.models import Campaign, Entry
from cocreate.services.operations.reconcile import Difference, reconcile
from tests import services
from tests.integration.test_voting import _idea
from tests.people import sign_up


async def test_every_counter_equals_its_ledger_and_a_broken_one_is_repaired(
        client, make_client, settings_env):
    campaign, entry = await _idea(client)
    voters = await asyncio.gather(*(sign_up(make_client(), f"Counter {n}") for n in range(5)))
    await asyncio.gather(*(v.put(f"/entries/{entry['id']}/vote") for v in voters))
    assert await reconcile() == []
    done = services.run_cocreate(["reconcile"], settings_env)
    assert "Every counter equals its ledger." in done.stdout

    await Entry.filter(id=entry["id"]).update(vote_count=99)
    stored = await Campaign.get(slug=campaign["slug"])
    await Campaign.filter(id=stored.id).update(entry_count=0)
    found = await reconcile()
    assert set(found) == {
        Difference("entries.vote_count", entry["id"], 99, 5),
        Difference("campaigns.entry_count", stored.id, 0, 1),
    }
    assert await reconcile(repair=True) == found
    assert (await Entry.get(id=entry["id"])).vote_count == 5
    assert await reconcile() == []
