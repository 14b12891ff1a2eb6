"""The entry page, the answers of its htmx panels and `GET /api/v1/entries/{entry}` are built
from one read model (read_models/entry.py): whoever looks, the page and the API show the same,
and a panel's answer is that panel alone."""

from __future__ import annotations

import re

import httpx

from tests.browser import Browser
from tests.people import Person, launch_campaign, sign_up

TAGS_SECTION = re.compile(r'<section class="entry-tags.*?</section>', re.S)
CHIPS = re.compile(r'<ul class="tag-list".*?</ul>', re.S)
CHIP = re.compile(r'class="tag( tag-suggested)?"[^>]*>([^<]+)')
PANELS = {"tags": 'id="entry-tags"', "status": 'id="idea-status"', "thanks": 'id="thanks"',
          "vote": 'class="vote-form"', "comments": 'id="comments"'}


def page_tags(html: str) -> list[tuple[str, str]]:
    """The tag chips the entry page shows: (name, approved or suggested)."""
    section = TAGS_SECTION.search(html)
    chips = CHIPS.search(section.group(0)) if section else None
    if chips is None:
        return []
    return sorted((name.strip(), "suggested" if mark else "approved")
                  for mark, name in CHIP.findall(chips.group(0)))


def api_tags(body: dict) -> list[tuple[str, str]]:
    return sorted((tag["name"], tag["status"]) for tag in body["tags"])


async def browser_of(person: Person, http: httpx.AsyncClient) -> Browser:
    return await Browser(http).log_in(person.email)


def only_panel(answer: httpx.Response, panel: str, opening: str) -> str:
    """The answer is the panel's own block: no page around it, no other panel."""
    text = answer.text.strip()
    assert text.startswith(opening), text[:300]
    assert "<html" not in text and 'class="entry-title"' not in text
    assert [name for name, marker in PANELS.items() if marker in text] == [panel]
    return text


async def test_the_page_and_the_api_show_each_viewer_the_same_tags(client, make_client):
    manager = await sign_up(make_client(), "Tag manager")
    slug = (await launch_campaign(manager, "Snacks"))["slug"]
    assert (await manager.post(f"/campaigns/{slug}/tags", {"name": "Vegan"})).status_code == 201
    author = await sign_up(make_client(), "Idea author")
    other = await sign_up(make_client(), "Other fan")
    made = await author.post(f"/campaigns/{slug}/entries", {
        "title": "Chili chocolate bar", "tags": ["vegan"], "suggest_tag": "Chocolate"})
    assert made.status_code == 201, made.text
    entry = made.json()["id"]

    with_suggestion = [("Chocolate", "suggested"), ("Vegan", "approved")]
    approved_only = [("Vegan", "approved")]
    anonymous_page = (await client.get(f"/e/{entry}")).text
    anonymous_api = (await client.get(f"/api/v1/entries/{entry}")).json()
    assert page_tags(anonymous_page) == api_tags(anonymous_api) == approved_only
    for person, expected in ((author, with_suggestion), (manager, with_suggestion),
                             (other, approved_only)):
        browser = await browser_of(person, make_client())
        page = await browser.get(f"/e/{entry}")
        assert page.status_code == 200
        shown = (await person.get(f"/entries/{entry}")).json()
        assert page_tags(page.text) == api_tags(shown) == expected, person.handle

    # Once a manager approves the suggestion, everyone sees it, on the page and over the API.
    assert (await manager.post(f"/campaigns/{slug}/tags/chocolate/approve")).status_code == 200
    everyone = [("Chocolate", "approved"), ("Vegan", "approved")]
    assert page_tags((await client.get(f"/e/{entry}")).text) == everyone
    assert api_tags((await client.get(f"/api/v1/entries/{entry}")).json()) == everyone


async def test_a_panel_answers_htmx_with_its_own_block_only(make_client):
    manager = await sign_up(make_client(), "Panel manager")
    slug = (await launch_campaign(manager, "Panels"))["slug"]
    assert (await manager.post(f"/campaigns/{slug}/tags", {"name": "Vegan"})).status_code == 201
    author, voter = await sign_up(make_client(), "Ida Author"), await sign_up(make_client(), "Vera")
    entry = (await author.post(f"/campaigns/{slug}/entries",
                               {"title": "Oat milk ice cream"})).json()["id"]
    as_author = await browser_of(author, make_client())
    as_manager = await browser_of(manager, make_client())
    as_voter = await browser_of(voter, make_client())
    for browser in (as_author, as_manager, as_voter):
        await browser.get(f"/e/{entry}")  # the page's CSRF token

    tagged = await as_author.post(f"/e/{entry}/tags",
                                  {"tags": "vegan", "suggest_tag": "Frozen"}, htmx=True)
    assert tagged.status_code == 200
    chips = only_panel(tagged, "tags", '<section class="entry-tags')
    assert page_tags(chips) == api_tags((await author.get(f"/entries/{entry}")).json()) == [
        ("Frozen", "suggested"), ("Vegan", "approved")]

    refused = await as_manager.post(f"/e/{entry}/status", {"status": ""}, htmx=True)
    assert refused.status_code == 422
    assert "Choose under review" in only_panel(refused, "status", '<section class="idea-status')
    planned = await as_manager.post(f"/e/{entry}/status",
                                    {"status": "planned", "note": "In the **summer**."},
                                    htmx=True)
    assert planned.status_code == 200
    answer = only_panel(planned, "status", '<section class="idea-status')
    assert "Planned" in answer and "<strong>summer</strong>" in answer
    assert (await author.get(f"/entries/{entry}")).json()["idea_status"] == "planned"

    thanked = await as_manager.post(f"/e/{entry}/thanks",
                                    {"note": "Thanks, Ida: we love the oat idea."}, htmx=True)
    assert thanked.status_code == 200
    assert "we love the oat idea" in only_panel(thanked, "thanks", '<section class="thanks-panel')

    voted = await as_voter.post(f"/e/{entry}/vote", {"action": "vote"}, htmx=True)
    assert voted.status_code == 200
    assert 'aria-pressed="true"' in only_panel(voted, "vote", '<form class="vote-form"')
    again = (await voter.put(f"/entries/{entry}/vote")).json()
    assert (again["voted"], again["vote_count"]) == (True, 1)
    own = await as_author.post(f"/e/{entry}/vote", {"action": "vote"}, htmx=True)
    assert "vote for your own entry" in only_panel(own, "vote", '<form class="vote-form"')
