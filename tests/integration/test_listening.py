"""What fans are asking for: a campaign's managers see the tags and terms of ideas and comments
over a period, rising ones first against the period before, each linking to the entries
behind it; moderated-away content does not count. Content is dated through the services."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from cocreate.models import TermMention, User
from cocreate.services.conversation import comments
from cocreate.services.entries import entries
from cocreate.services.listening import listening, terms
from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, sign_up, wait_for


def test_terms_are_words_and_two_word_phrases_without_stopwords():
    found = {t.key: t.label for t in terms.extract("Vegan Cookies, please!",
                                                   "I love vegan cookie dough.")}
    assert found["vegan cooki"] == "vegan cookies"  # one term, whatever the plural
    assert {"vegan", "cooki", "dough", "cooki dough", "love vegan"} <= set(found)
    assert "pleas" not in found and "i" not in found  # stopwords
    assert "cookies please" not in found.values()  # never across a stopword or a comma


async def test_rising_terms_come_first_and_link_to_their_entries(app, client, make_client):
    manager = await sign_up(client, "Listening manager")
    slug = (await launch_campaign(manager, "Listen to us"))["slug"]
    for name in ("Sweet", "Fresh"):
        await manager.post(f"/campaigns/{slug}/tags", {"name": name})
    fan = await sign_up(make_client(), "Chatty fan")
    author = await User.get(handle=fan.handle)
    deps = app.state.deps
    now = datetime.now(UTC)
    earlier, recently, long_ago = (now - timedelta(days=40), now - timedelta(days=2),
                                   now - timedelta(days=100))

    async def idea(title: str, when: datetime, tags: tuple[str, ...] = ()) -> str:
        entry = await entries.submit(deps, author, slug, title, "", tag_slugs=list(tags),
                                     now=when)
        return entry.id

    # The period before (31 to 60 days ago): chocolate three times, mint once.
    old_chocolate = [await idea("Chocolate", earlier, ("sweet",)) for _ in range(3)]
    await idea("Mint", earlier)
    await idea("Vegan", long_ago, ("fresh",))  # before both periods: counts nowhere
    # The last 30 days: vegan is new, mint grows, chocolate falls.
    vegan = [await idea("Vegan", recently, ("fresh",)) for _ in range(2)]
    mint = await idea("Mint", recently)
    chocolate = await idea("Chocolate", recently, ("sweet",))
    for text in ("Mint", "More mint!"):
        await comments.post(deps, author, mint, text, now=now - timedelta(days=1))
    await comments.post(deps, author, old_chocolate[0], "Chocolate", now=now)
    # Moderated away once their terms are stored: none of these count.
    hidden = await idea("Pistachio", recently)
    removed = await comments.post(deps, author, mint, "Banana")
    moderated = await comments.post(deps, author, mint, "Durian")
    for source in (f"e:{hidden}", f"c:{removed.id}", f"c:{moderated.id}"):
        await _written(source)
    assert (await fan.delete(f"/comments/{removed.id}")).status_code == 200
    assert (await manager.post(f"/comments/{moderated.id}/hide", {"reason": "Rude"})
            ).status_code == 200
    assert (await manager.post(f"/entries/{hidden}/moderation",
                               {"action": "hide", "reason": "Spam"})).status_code == 200

    expected = {"vegan": (2, 0, "new"), "mint": (3, 1, "rising"),
                "chocolate": (2, 3, "falling")}

    def settled(body: dict) -> bool:
        shown = {t["label"]: (t["count"], t["previous_count"], t["trend"])
                 for t in body["terms"]}
        return all(shown.get(key) == value for key, value in expected.items())

    body = await wait_for(manager, f"/campaigns/{slug}/listening?days=30", settled)
    assert [t["label"] for t in body["terms"]] == ["vegan", "mint", "chocolate"]
    assert [t["rising"] for t in body["terms"]] == [True, True, False]
    assert [(t["key"], t["count"], t["previous_count"], t["trend"]) for t in body["tags"]] == [
        ("fresh", 2, 0, "new"), ("sweet", 1, 3, "falling")]

    async def behind(row: dict) -> list[str]:
        listed = await manager.client.get(row["entries_url"], headers=manager.auth)
        assert listed.status_code == 200, listed.text
        return sorted(e["id"] for e in listed.json()["entries"])

    by_label = {t["label"]: t for t in body["terms"]}
    assert await behind(by_label["mint"]) == [mint]
    assert await behind(by_label["chocolate"]) == sorted([chocolate, old_chocolate[0]])
    assert await behind(body["tags"][0]) == sorted(vegan)

    assert (await fan.get(f"/campaigns/{slug}/listening")).status_code == 403
    assert (await manager.get(f"/campaigns/{slug}/listening", params={"days": 12})
            ).status_code == 422

    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        page = await browser.get(f"/c/{slug}/listening?days=30")
        assert page.status_code == 200
        text = page.text
        assert text.index(">vegan</a>") < text.index(">mint</a>") < text.index(">chocolate</a>")
        assert "pistachio" not in text and "banana" not in text and "durian" not in text
        assert 'aria-current="page">Last 30 days' in text
        opened = await browser.get(f"/c/{slug}/listening/entries?days=30&term=mint",
                                   htmx=True)
        assert opened.status_code == 200 and 'id="behind"' in opened.text
        assert f'href="/e/{mint}"' in opened.text and "<html" not in opened.text
        week = await browser.get(f"/c/{slug}/listening?days=7", htmx=True)
        assert ">vegan</a>" in week.text and 'aria-current="page">Last 7 days' in week.text


async def _written(source: str) -> None:
    for _ in range(300):
        if await TermMention.exists(source=source):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"the worker never wrote the terms of {source}")


async def test_two_extractions_of_one_text_at_once_write_its_terms_once(app, client):
    """An idea edited right after it was posted queues two extractions, which a worker may
    run at once: on PostgreSQL both would find nothing to delete and insert the same terms."""
    manager = await sign_up(client, "Listening manager")
    campaign = (await launch_campaign(manager, "Kites"))["slug"]
    posted = await manager.post(f"/campaigns/{campaign}/entries",
                                {"title": "Solar kites", "body": "Kites that charge phones."})
    assert posted.status_code == 201, posted.text
    entry_id = posted.json()["id"]
    comment = await manager.post(f"/entries/{entry_id}/comments", {"body": "Kites for phones"})
    assert comment.status_code == 201, comment.text

    for _ in range(5):
        await asyncio.gather(*(listening.extract(entry_id=entry_id) for _ in range(4)),
                             *(listening.extract(comment_id=comment.json()["id"])
                               for _ in range(4)))
    rows = await TermMention.filter(entry_id=entry_id).values_list("source", "term")
    assert len(rows) == len(set(rows)) > 0
