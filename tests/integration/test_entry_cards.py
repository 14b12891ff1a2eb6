"""Share cards of entries, awards and profiles: drawn by the worker in three formats under
content-derived keys, redrawn once per vote milestone, and reachable at stable addresses."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from PIL import Image

from cocreate.doors.storage import Storage, StoredObject
from cocreate.lib.cards import CARD_SIZES
from cocreate.models import Award, Campaign, Entry, Job, Organization, User
from cocreate.services.sharing import award_cards, entry_cards, share_cards
from tests.browser import meta_tags
from tests.people import WORKER_PATIENCE, Person, launch_campaign, png_bytes, sign_up, upload


async def settle(check: Callable[[], Awaitable[Any]], seconds: float = WORKER_PATIENCE) -> Any:
    """Poll `check` until it returns something truthy (the worker runs in its own process)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        value = await check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("the worker did not get there in time")
        await asyncio.sleep(0.1)


async def png_at(storage: Storage, key: str) -> Image.Image:
    image = Image.open(io.BytesIO(await storage.read(key)))
    assert image.format == "PNG"
    return image


async def fetch_redirected(client: httpx.AsyncClient, path: str) -> Image.Image:
    """The picture a crawler ends up with after following the stable address."""
    response = await client.get(path)
    assert response.status_code == 302, (path, response.status_code)
    async with httpx.AsyncClient() as s3:
        stored = await s3.get(response.headers["location"])
    assert stored.status_code == 200
    return Image.open(io.BytesIO(stored.content))


class CountingStorage:
    """The app's storage, counting what is written through it."""

    def __init__(self, inner: Storage) -> None:
        self.inner = inner
        self.writes: list[str] = []

    async def head(self, key: str) -> StoredObject | None:
        return await self.inner.head(key)

    async def read(self, key: str) -> bytes:
        return await self.inner.read(key)

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        self.writes.append(key)
        await self.inner.write(key, data, content_type)


async def publish_with_picture(client: httpx.AsyncClient, name: str = "Zoë Łukasiewicz"
                               ) -> tuple[Person, str]:
    """A brand with a logo launches a campaign; a fan with an avatar submits an entry."""
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Spring Remix Challenge")
    logo = await upload(manager, png_bytes((300, 120), "#123456"))
    org_id = (await Campaign.get(slug=campaign["slug"])).org_id
    await Organization.filter(id=org_id).update(logo_id=logo["media_id"])
    fan = await sign_up(client, name)
    avatar = await upload(fan, png_bytes((200, 200), "#cc3366"))
    await User.filter(handle=fan.handle).update(avatar_media_id=avatar["media_id"])
    picture = await upload(fan, png_bytes((800, 600), "#22aa88"))
    created = await fan.post(f"/campaigns/{campaign['slug']}/entries", {
        "title": "A picnic table that folds into a kayak", "media_id": picture["media_id"],
    })
    assert created.status_code == 201, created.text
    return fan, created.json()["id"]


async def card_key_of(entry_id: str) -> str | None:
    return (await Entry.get(id=entry_id)).card_key


async def test_a_fans_entry_gets_its_own_card_when_published(app, client):
    storage, base_url = app.state.deps.storage, app.state.deps.settings.base_url
    _, entry_id = await publish_with_picture(client)

    key = await settle(lambda: card_key_of(entry_id))

    assert key.startswith("cards/") and key.endswith("-og.png")
    assert (await png_at(storage, key)).size == (1200, 630)
    entry = await Entry.get(id=entry_id).select_related(
        "campaign", "campaign__org", "author", "media", "team")
    content = await entry_cards.content_of(storage, entry, base_url)
    assert key == share_cards.card_key(content, "og")  # the key is the content's
    assert content.entry_image and content.logo_image and content.avatar_image
    assert (content.headline, content.person_name) == (
        "A picnic table that folds into a kayak", "Zoë Łukasiewicz")
    assert content.link == f"testserver/e/{entry_id}"  # its short link, on the card


async def test_votes_crossing_1_and_10_redraw_the_card_once_per_milestone(
    app, client, make_client
):
    storage, base_url = app.state.deps.storage, app.state.deps.settings.base_url
    _, entry_id = await publish_with_picture(client, "Popular Fan")
    first = await settle(lambda: card_key_of(entry_id))
    voters = await asyncio.gather(*(sign_up(make_client(), f"Voter {i}") for i in range(12)))

    async def vote(voter: Person) -> None:
        response = await voter.put(f"/entries/{entry_id}/vote")
        assert response.status_code == 200, response.text

    await asyncio.gather(*(vote(v) for v in voters[:4]))  # crosses 1, all at once
    await asyncio.gather(*(vote(v) for v in voters[4:]))  # crosses 10, all at once

    entry = await Entry.get(id=entry_id)
    assert (entry.vote_count, entry.card_milestone) == (12, 10)
    jobs = await Job.filter(key__startswith=f"entry-card:{entry_id}:").values_list(
        "key", flat=True)
    assert sorted(jobs) == sorted(f"entry-card:{entry_id}:{m}" for m in (0, 1, 10))

    async def all_done() -> bool:
        pending = await Job.filter(key__in=jobs).exclude(status="done").count()
        return pending == 0 and await card_key_of(entry_id) != first

    await settle(all_done)
    final = await card_key_of(entry_id)
    entry = await Entry.get(id=entry_id).select_related(
        "campaign", "campaign__org", "author", "media", "team")
    content = await entry_cards.content_of(storage, entry, base_url)
    assert content.stat == "12 votes"
    assert final == share_cards.card_key(content, "og")  # drawn after the last vote
    assert (await png_at(storage, final)).size == (1200, 630)

    counting = CountingStorage(storage)
    await entry_cards.render(counting, entry_id, base_url)  # nothing changed: nothing drawn
    assert counting.writes == []
    assert await card_key_of(entry_id) == final


async def test_an_award_card_comes_in_three_formats_and_changes_with_the_name(app, client):
    storage = app.state.deps.storage
    fan, _ = await publish_with_picture(client, "Award Winner")

    async def ready_award() -> Award | None:
        return await Award.get_or_none(user__handle=fan.handle, status="ready")

    award = await settle(ready_award)
    assert set(award.card_keys) == {"og", "square", "story"}
    assert award.image_key == award.card_keys["og"]
    for name, key in award.card_keys.items():
        assert (await png_at(storage, key)).size == CARD_SIZES[name]

    counting = CountingStorage(storage)
    await award_cards.render(counting, award.id)
    assert counting.writes == []  # unchanged: idempotent and free
    assert (await Award.get(id=award.id)).card_keys == award.card_keys

    await User.filter(handle=fan.handle).update(display_name="Award Winner, renamed")
    await award_cards.render(counting, award.id)
    renamed = await Award.get(id=award.id)
    assert sorted(counting.writes) == sorted(renamed.card_keys.values())
    assert set(renamed.card_keys.values()).isdisjoint(award.card_keys.values())


async def test_the_profile_and_entry_cards_have_stable_addresses(app, client):
    fan, entry_id = await publish_with_picture(client, "Shared Profile")

    async def profile_card() -> str | None:
        return (await User.get(handle=fan.handle)).card_key

    await settle(profile_card)
    await settle(lambda: card_key_of(entry_id))
    crawler = client  # no credentials: what a social network's crawler sees

    for path in (f"/u/{fan.handle}/card.png", f"/e/{entry_id}/card.png"):
        image = await fetch_redirected(crawler, path)
        assert (image.format, image.size) == ("PNG", (1200, 630))
    for path, image in ((f"/u/{fan.handle}", f"/u/{fan.handle}/card.png"),
                        (f"/e/{entry_id}", f"/e/{entry_id}/card.png")):
        tags = meta_tags((await crawler.get(path)).text)
        assert tags["og:image"] == tags["twitter:image"] == f"http://testserver{image}"
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        assert tags["twitter:card"] == "summary_large_image"

    assert (await crawler.get("/e/nope/card.png")).status_code == 404
    assert (await crawler.get("/u/nobody-at-all/card.png")).status_code == 404


async def test_an_entry_without_a_card_yet_falls_back_to_the_campaign_cover(app, client):
    manager = await sign_up(client, "Cover Manager")
    campaign = await launch_campaign(manager, "Covered")
    fan = await sign_up(client, "Early Fan")
    created = await fan.post(f"/campaigns/{campaign['slug']}/entries", {"title": "First!"})
    entry_id = created.json()["id"]
    await settle(lambda: card_key_of(entry_id))
    await Entry.filter(id=entry_id).update(card_key=None)  # as if the worker had not run yet

    assert (await client.get(f"/e/{entry_id}/card.png")).status_code == 404
    cover = await upload(manager, png_bytes((1000, 750), "#ffcc00"))
    await Campaign.filter(slug=campaign["slug"]).update(cover_id=cover["media_id"])
    assert (await fetch_redirected(client, f"/e/{entry_id}/card.png")).size == (1000, 750)


def test_vote_milestones_are_1_10_25_50_100_250_500_1000_then_every_1000():
    reached = {n: entry_cards.milestone(n) for n in
               (0, 1, 9, 10, 24, 25, 49, 50, 99, 100, 249, 250, 499, 500, 999, 1000, 1999,
                2000, 12345)}

    assert reached == {0: 0, 1: 1, 9: 1, 10: 10, 24: 10, 25: 25, 49: 25, 50: 50, 99: 50,
                       100: 100, 249: 100, 250: 250, 499: 250, 500: 500, 999: 500, 1000: 1000,
                       1999: 1000, 2000: 2000, 12345: 12000}
