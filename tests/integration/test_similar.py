"""While a fan types a new idea, the ideas already suggested that look like it are shown, so
they can vote for one instead of repeating it: PostgreSQL full text and trigrams here, SQLite
FTS5 in the embedded default (tests/domain/listening)."""

from __future__ import annotations

from tests.browser import Browser, new_client
from tests.people import Person, launch_campaign, sign_up


async def _ideas(manager: Person, author: Person, titles: dict[str, str]) -> tuple[str, dict]:
    campaign = (await launch_campaign(manager, "Greener packaging"))["slug"]
    ids = {}
    for title, body in titles.items():
        created = await author.post(f"/campaigns/{campaign}/entries",
                                    {"title": title, "body": body})
        assert created.status_code == 201, created.text
        ids[title] = created.json()["id"]
    return campaign, ids


async def _found(person: Person, campaign: str, q: str) -> list[str]:
    answer = await person.get(f"/campaigns/{campaign}/similar", params={"q": q})
    assert answer.status_code == 200, answer.text
    return [idea["title"] for idea in answer.json()["ideas"]]


async def test_similar_ideas_meet_other_word_forms_and_typos_in_one_campaign(client,
                                                                             make_client):
    manager = await sign_up(client, "Packaging manager")
    author = await sign_up(make_client(), "First thinker")
    campaign, ids = await _ideas(manager, author, {
        "Refillable bottles in every store": "Bring your empty bottle back and we refill it.",
        "Recycling points for used batteries": "",
        "Plastic-free wrappers for snacks": "Paper or nothing.",
        "Refill stations for shampoo bottles": "",
    })
    hidden = await manager.post(f"/entries/{ids['Refill stations for shampoo bottles']}"
                                "/moderation", {"action": "hide", "reason": "Off topic"})
    assert hidden.status_code == 200, hidden.text
    elsewhere = (await launch_campaign(manager, "Elsewhere"))["slug"]
    await author.post(f"/campaigns/{elsewhere}/entries",
                      {"title": "Refillable bottles in every store"})

    fan = await sign_up(make_client(), "Second thinker")
    # Other word forms (stemming) and a typo in the title (trigrams)
    assert (await _found(fan, campaign, "refilling botles at stores"))[0] == (
        "Refillable bottles in every store")
    assert (await _found(fan, campaign, "Refilable botles"))[0] == (
        "Refillable bottles in every store")
    assert await _found(fan, campaign, "a recycled battery") == [
        "Recycling points for used batteries"]
    # Never the hidden one, nor the other campaign's twin, nor anything for a letter or two
    found = await fan.get(f"/campaigns/{campaign}/similar", params={"q": "refill bottles"})
    assert [i["id"] for i in found.json()["ideas"]] == [ids["Refillable bottles in every store"]]
    assert found.json()["ideas"][0]["vote_count"] == 0
    assert await _found(fan, campaign, "re") == []
    assert await _found(fan, campaign, "") == []
    assert await _found(fan, campaign, "quantum teleportation") == []
    missing = await fan.get("/campaigns/no-such-campaign/similar", params={"q": "bottles"})
    assert missing.status_code == 404
    too_many = await fan.get(f"/campaigns/{campaign}/similar", params={"limit": 99})
    assert too_many.status_code == 422


async def test_the_entry_form_shows_already_suggested_ideas_as_the_fan_types(app, client,
                                                                            make_client):
    manager = await sign_up(client, "Form manager")
    author = await sign_up(make_client(), "Early bird")
    campaign, ids = await _ideas(manager, author, {
        "Refillable bottles in every store": "Bring your empty bottle back.",
    })
    kept = ids["Refillable bottles in every store"]
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.sign_up("Late bird")
        page = (await browser.get(f"/c/{campaign}")).text
        assert f'hx-get="/c/{campaign}/similar"' in page
        assert 'hx-trigger="keyup changed delay:400ms"' in page
        assert "Check for similar ideas" in page

        partial = await browser.get(f"/c/{campaign}/similar",
                                    params={"title": "Refill my botles", "body": ""}, htmx=True)
        assert partial.status_code == 200
        assert "Already suggested?" in partial.text and "<html" not in partial.text
        assert f'href="/e/{kept}"' in partial.text and "0 votes" in partial.text
        assert f'hx-post="/e/{kept}/vote"' in partial.text

        voted = await browser.post(f"/e/{kept}/vote", {"action": "vote", "from": "similar"},
                                   htmx=True)
        assert voted.status_code == 200
        assert "You voted" in voted.text and "1 vote" in voted.text
        again = await browser.get(f"/c/{campaign}/similar",
                                  params={"title": "refillable bottle"}, htmx=True)
        assert "You voted" in again.text

        nothing = await browser.get(f"/c/{campaign}/similar",
                                    params={"title": "Moon base", "body": ""}, htmx=True)
        assert "Already suggested?" not in nothing.text and 'id="similar-ideas"' in nothing.text

        # Without JavaScript the button posts the draft (the form's CSRF token stays out of
        # the URL) and gets the page back, the draft kept in the form, the ideas shown.
        assert (f'formaction="/c/{campaign}/similar#similar-ideas" formmethod="post"' in page)
        plain = await browser.post(f"/c/{campaign}/similar",
                                   {"title": "Refill my botles", "body": "Less waste"})
        assert plain.status_code == 200 and "<html" in plain.text
        assert "csrf_token=" not in str(plain.url)
        assert "Already suggested?" in plain.text and f'href="/e/{kept}"' in plain.text
        assert 'value="Refill my botles"' in plain.text and "Less waste</textarea>" in plain.text
        forged = await browser.post(f"/c/{campaign}/similar", {"title": "Refill"}, csrf=False)
        assert forged.status_code == 403
        # The typing path is a GET of the title and body alone: no token needed or kept
        typed = await browser.get(f"/c/{campaign}/similar",
                                  params={"title": "Refill my botles", "csrf_token": "x"})
        assert typed.status_code == 200 and 'value="Refill my botles"' in typed.text
        assert 'value="x"' not in typed.text
    assert (await client.get(f"/api/v1/entries/{kept}")).json()["vote_count"] == 1
