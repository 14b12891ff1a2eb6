"""The campaign directory: a visitor searches and filters the public campaigns on /campaigns
(a plain GET form; htmx swaps only the results) and a script does the same at
GET /api/v1/campaigns; a search they cannot run is a clear 4xx, never a 500."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.browser import Browser, new_client
from tests.people import Person, sign_up

CARD_TITLE = re.compile(r'<a class="card-link" href="/c/[^"]+">([^<]+)</a>')


async def _launch(manager: Person, org: str, title: str, kind: str = "idea",
                  **settings: Any) -> dict[str, Any]:
    made = await manager.post(f"/orgs/{org}/campaigns", {
        "title": title, "kind": kind, "description": "Make it with us.", **settings})
    assert made.status_code == 201, made.text
    return made.json()


async def _world(client) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Campaigns of one brand whose titles share a word no other test uses: an idea closing
    in two days, a remix, a team challenge moved to voting, an archived one and a draft."""
    word = f"zq{uuid.uuid4().hex[:8]}"
    manager = await sign_up(client, "Directory manager")
    org = await manager.post("/orgs", {"name": f"Sunny {word} Foods", "kind": "brand",
                                       "color": "#ff5a36"})
    assert org.status_code == 201, org.text
    slug = org.json()["slug"]
    soon = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    await _launch(manager, slug, f"Lemonade {word}", closes_at=soon)
    await _launch(manager, slug, f"Remix the {word} ad", kind="remix")
    team = await _launch(manager, slug, f"Build a {word} stand", kind="team")
    old = await _launch(manager, slug, f"Winter {word} soup")
    await _launch(manager, slug, f"Secret {word} plans", draft=True)
    for campaign, phase in ((team, "voting"), (old, "archived")):
        moved = await manager.post(f"/campaigns/{campaign['slug']}/phase", {"phase": phase})
        assert moved.status_code == 200, moved.text
    return word, slug


def _titles(html: str) -> list[str]:
    return CARD_TITLE.findall(html)


async def test_a_visitor_searches_filters_and_pages_through_campaigns(app, client):
    word, org = await _world(client)
    async with new_client(app) as http:
        visitor = Browser(http)
        home = await visitor.get("/")
        assert 'href="/campaigns"' in home.text

        page = await visitor.get(f"/campaigns?q={word}")
        assert page.status_code == 200
        assert sorted(_titles(page.text)) == sorted([
            f"Lemonade {word}", f"Remix the {word} ad", f"Build a {word} stand"])
        assert 'role="search"' in page.text and 'hx-push-url="true"' in page.text
        assert f'<option value="{org}">' in page.text  # the brand is offered as a filter

        remixes = await visitor.get(f"/campaigns?q={word}&kind=remix&org=&phase=")
        assert _titles(remixes.text) == [f"Remix the {word} ad"]
        assert '<option value="remix" selected>' in remixes.text
        closing = await visitor.get(f"/campaigns?q={word}&closing_soon=true")
        assert _titles(closing.text) == [f"Lemonade {word}"]
        archive = await visitor.get(f"/campaigns?q={word}&phase=archived")
        assert _titles(archive.text) == [f"Winter {word} soup"]
        by_org = await visitor.get(f"/campaigns?org={org}&sort=closing")
        assert _titles(by_org.text)[0] == f"Lemonade {word}"

        # htmx gets only the results, which the form's next search replaces.
        swapped = await visitor.get(f"/campaigns?q={word}&kind=team", htmx=True)
        assert swapped.text.lstrip().startswith('<section id="directory-results"')
        assert "<html" not in swapped.text and "<form" not in swapped.text
        assert _titles(swapped.text) == [f"Build a {word} stand"]

        first = await visitor.get(f"/campaigns?q={word}&limit=2")
        assert len(_titles(first.text)) == 2 and 'rel="next"' in first.text
        second = await visitor.get(f"/campaigns?q={word}&limit=2&page=2")
        assert len(_titles(second.text)) == 1 and 'rel="prev"' in second.text
        assert not set(_titles(first.text)) & set(_titles(second.text))


async def test_an_empty_result_says_what_to_change(app, client):
    word, _ = await _world(client)
    async with new_client(app) as http:
        visitor = Browser(http)
        nothing = await visitor.get(f"/campaigns?q={word}+unicorn&kind=team&closing_soon=true")
        assert nothing.status_code == 200
        assert f"No campaigns match “{word} unicorn”" in nothing.text
        for widen in ("Clear the words", "Any kind, not only team builds", "Closing any time",
                      "Look in the archive"):
            assert widen in nothing.text
        closing_any_time = f'href="/campaigns?q={word}+unicorn&amp;kind=team"'
        assert closing_any_time in nothing.text
        secret = await visitor.get(f"/campaigns?q=secret+{word}")
        assert _titles(secret.text) == [] and "No campaigns match" in secret.text


async def test_scripts_search_the_same_way_over_the_api(client):
    word, org = await _world(client)
    listed = await client.get("/api/v1/campaigns", params={"q": word})
    assert listed.status_code == 200
    body = listed.json()
    assert sorted(c["kind"] for c in body["campaigns"]) == ["idea", "remix", "team"]
    assert (body["page"], body["next_page"]) == (1, None)

    remix = (await client.get("/api/v1/campaigns", params={"q": word, "kind": "remix"})).json()
    assert [c["title"] for c in remix["campaigns"]] == [f"Remix the {word} ad"]
    closing = (await client.get("/api/v1/campaigns",
                                params={"org": org, "closing_soon": "true"})).json()
    assert [c["title"] for c in closing["campaigns"]] == [f"Lemonade {word}"]
    archived = (await client.get("/api/v1/campaigns",
                                 params={"q": word, "phase": "archived"})).json()
    assert [c["phase"] for c in archived["campaigns"]] == ["archived"]
    paged = (await client.get("/api/v1/campaigns", params={"q": word, "limit": 2})).json()
    assert (len(paged["campaigns"]), paged["next_page"]) == (2, 2)
    rest = (await client.get("/api/v1/campaigns",
                             params={"q": word, "limit": 2, "page": 2})).json()
    assert [len(rest["campaigns"]), rest["next_page"]] == [1, None]

    document = (await client.get("/api/v1/openapi.json")).json()
    parameters = document["paths"]["/campaigns"]["get"]["parameters"]
    assert {p["name"] for p in parameters} == {"q", "kind", "org", "phase", "closing_soon",
                                               "sort", "page", "limit"}


async def test_a_search_that_cannot_run_is_a_clear_4xx_on_the_page_and_the_api(app, client):
    refused = {"kind": "poll", "q": "x" * 10_000, "page": "0", "limit": "10000",
               "sort": "random", "phase": "draft", "org": "Not a slug", "closing_soon": "maybe"}
    async with new_client(app) as http:
        visitor = Browser(http)
        for field, value in refused.items():
            answer = await client.get("/api/v1/campaigns", params={field: value})
            assert answer.status_code == 422, (field, answer.text)
            assert list(answer.json()["error"]["fields"]) == [field]
            page = await visitor.get("/campaigns", params={field: value})
            assert page.status_code == 422, (field, page.text[:200])
            assert "Change the highlighted field" in page.text
            if field not in ("page", "limit"):  # the others are the form's own fields
                assert 'aria-invalid="true"' in page.text
        for path in ("/campaigns?q=%00", "/api/v1/campaigns?kind=%00"):
            assert (await visitor.get(path)).status_code == 400
        # Wildcards, quotes and other pages' parameters are text like any other.
        for params in ({"q": "%"}, {"q": "' OR 1=1 --"}, {"utm_source": "mail"}):
            assert (await visitor.get("/campaigns", params=params)).status_code == 200
            assert (await client.get("/api/v1/campaigns", params=params)).status_code == 200
