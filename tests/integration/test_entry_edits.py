"""Authors change their entry's title and description while the campaign takes entries and
nobody has voted for it yet; the change shows as edited, and what listens to ideas (terms,
similar ideas) follows the new words."""

from __future__ import annotations

from tests.browser import Browser, new_client
from tests.people import Person, launch_campaign, sign_up, wait_for


async def _idea(author: Person, slug: str, title: str, body: str = "") -> str:
    created = await author.post(f"/campaigns/{slug}/entries", {"title": title, "body": body})
    assert created.status_code == 201, created.text
    return created.json()["id"]


def _terms(body: dict) -> set[str]:
    return {t["label"] for t in body["terms"]}


async def test_an_author_rewords_their_idea_until_someone_votes_for_it(client, make_client):
    manager = await sign_up(client, "Edit manager")
    slug = (await launch_campaign(manager, "Better stations"))["slug"]
    author = await sign_up(make_client(), "Second thoughts")
    idea = await _idea(author, slug, "Refillable bottles", "Bring your empty bottle back.")
    await wait_for(manager, f"/campaigns/{slug}/listening",
                   lambda body: "refillable bottles" in _terms(body))

    new_words = {"title": "Solar lockers", "body": "Charge your **phone** while you shop."}
    other = await sign_up(make_client(), "Passer-by")
    for stranger in (other, manager):  # not even a manager rewords someone's idea
        refused = await stranger.patch(f"/entries/{idea}", new_words)
        assert refused.status_code == 403, refused.text
    blank = await author.patch(f"/entries/{idea}", {"title": " x ", "body": "Fine"})
    assert blank.status_code == 422 and "title" in blank.json()["error"]["fields"]
    too_long = await author.patch(f"/entries/{idea}", {"body": "b" * 10_001})
    assert too_long.status_code == 422 and "body" in too_long.json()["error"]["fields"]
    assert (await client.get(f"/api/v1/entries/{idea}")).json()["title"] == "Refillable bottles"

    edited = await author.patch(f"/entries/{idea}", new_words)
    assert edited.status_code == 200, edited.text
    shown = (await client.get(f"/api/v1/entries/{idea}")).json()
    assert shown["title"] == "Solar lockers" and shown["edited_at"] is not None
    assert "<strong>phone</strong>" in shown["body_html"]

    # Listening and similar ideas hear the new words, not the old ones
    heard = await wait_for(manager, f"/campaigns/{slug}/listening",
                           lambda body: "solar lockers" in _terms(body))
    assert "refillable bottles" not in _terms(heard) and "phone" in _terms(heard)
    similar = await other.get(f"/campaigns/{slug}/similar", params={"q": "solar locker"})
    assert [i["id"] for i in similar.json()["ideas"]] == [idea]
    gone = await other.get(f"/campaigns/{slug}/similar", params={"q": "refillable bottles"})
    assert gone.json()["ideas"] == []

    # Once someone voted for it, changing it would change what they voted for
    assert (await other.put(f"/entries/{idea}/vote")).status_code == 200
    late = await author.patch(f"/entries/{idea}", {"title": "Something else entirely"})
    assert late.status_code == 409 and "voted" in late.json()["error"]["message"]


async def test_entries_stay_as_they_are_once_entries_close_or_a_moderator_steps_in(
        client, make_client):
    manager = await sign_up(client, "Closing manager")
    slug = (await launch_campaign(manager, "Closing soon"))["slug"]
    author = await sign_up(make_client(), "Slow writer")
    idea = await _idea(author, slug, "Lantern festival")
    hidden = await _idea(author, slug, "Spammy idea")
    assert (await manager.post(f"/entries/{hidden}/moderation",
                               {"action": "hide", "reason": "Spam"})).status_code == 200
    refused = await author.patch(f"/entries/{hidden}", {"title": "Honest idea"})
    assert refused.status_code == 403 and "moderator" in refused.json()["error"]["message"]

    assert (await manager.post(f"/campaigns/{slug}/phase", {"phase": "voting"})
            ).status_code == 200
    closed = await author.patch(f"/entries/{idea}", {"title": "Lantern parade"})
    assert closed.status_code == 409 and "moved on" in closed.json()["error"]["message"]

    # In a pre-moderated campaign, an approved entry keeps the words that were approved
    reviewed = (await launch_campaign(manager, "Reviewed first"))["slug"]
    assert (await manager.patch(f"/campaigns/{reviewed}", {"moderation": "pre"})
            ).status_code == 200
    waiting = await _idea(author, reviewed, "Kite day")
    assert (await author.patch(f"/entries/{waiting}", {"title": "Kite weekend"})
            ).status_code == 200
    assert (await manager.post(f"/entries/{waiting}/moderation", {"action": "approve"})
            ).status_code == 200
    approved = await author.patch(f"/entries/{waiting}", {"title": "Kite month"})
    assert approved.status_code == 403 and "approved" in approved.json()["error"]["message"]


async def test_the_author_edits_on_a_page_that_works_without_javascript(app, client,
                                                                        make_client):
    manager = await sign_up(client, "Page manager")
    slug = (await launch_campaign(manager, "Edit pages"))["slug"]
    async with new_client(app) as http, new_client(app) as other_http:
        author = Browser(http)
        await author.sign_up("Page author")
        idea = (await author.submit_idea(f"/c/{slug}", "Picnic tables")).removeprefix("/e/")
        entry_page = (await author.get(f"/e/{idea}")).text
        assert f'href="/e/{idea}/edit"' in entry_page and "· <span" not in entry_page

        form = await author.get(f"/e/{idea}/edit")
        assert form.status_code == 200 and 'value="Picnic tables"' in form.text
        assert f'action="/e/{idea}/edit"' in form.text and 'name="csrf_token"' in form.text
        bad = await author.post(f"/e/{idea}/edit", {"title": "", "body": "Kept text"})
        assert bad.status_code == 422 and "Title needs at least 3 characters." in bad.text
        assert "Kept text</textarea>" in bad.text
        htmx_bad = await author.post(f"/e/{idea}/edit", {"title": "ab"}, htmx=True)
        assert htmx_bad.status_code == 422 and "<html" not in htmx_bad.text
        assert 'id="entry-edit-form"' in htmx_bad.text
        forged = await author.post(f"/e/{idea}/edit", {"title": "Forged"}, csrf=False)
        assert forged.status_code == 403

        saved = await author.post(f"/e/{idea}/edit", {"title": "Picnic tables in the park",
                                                      "body": "With *shade*."})
        assert saved.status_code == 303 and saved.headers["location"] == f"/e/{idea}"
        after = (await author.get(f"/e/{idea}")).text
        assert "Picnic tables in the park</h1>" in after and "<em>shade</em>" in after
        assert ">edited</span>" in after
        by_htmx = await author.post(f"/e/{idea}/edit", {"title": "Picnic tables, shaded",
                                                        "body": ""}, htmx=True)
        assert by_htmx.headers.get("HX-Redirect") == f"/e/{idea}"

        visitor = Browser(other_http)
        await visitor.sign_up("Curious visitor")
        assert f'href="/e/{idea}/edit"' not in (await visitor.get(f"/e/{idea}")).text
        assert (await visitor.get(f"/e/{idea}/edit")).status_code == 403
        taken = await visitor.post(f"/e/{idea}/edit", {"title": "Mine now"})
        assert taken.status_code == 403 and 'id="entry-edit-form"' not in taken.text
    assert (await client.get(f"/api/v1/entries/{idea}")).json()["title"] == (
        "Picnic tables, shaded")
