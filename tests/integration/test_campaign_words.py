"""A remix challenge speaks of remixes and a team challenge of team entries, everywhere a fan
meets them: the API's campaign, the campaign page (its empty gallery, its entry form, then its
gallery with entries), the entry page, the campaign's card on the home page and on its
organization's page, and the notification and mail about a comment. An idea challenge still
speaks of ideas, and only it offers to check for similar ideas (duplicates are merged only
there)."""

from __future__ import annotations

import asyncio
import re
from html.parser import HTMLParser

import pytest

from tests.browser import Browser
from tests.people import Person, png_bytes, sign_up, upload

IDEA = re.compile(r"\bideas?\b", re.IGNORECASE)
SAID_IN = ("aria-label", "title", "placeholder", "alt", "content")


class _Said(HTMLParser):
    """What a page says: its text and the words of labels, titles, placeholders and meta tags."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [value for name, value in attrs if name in SAID_IN and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def said(html: str) -> str:
    parser = _Said()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def speaks_of_ideas(html: str) -> list[str]:
    text = said(html)
    return [text[max(0, m.start() - 40):m.end() + 40] for m in IDEA.finditer(text)]


def card(html: str, slug: str) -> str:
    """The campaign's card in a grid of cards."""
    for found in re.finditer(r'<li class="card campaign-card".*?</li>', html, re.DOTALL):
        if f'href="/c/{slug}"' in found.group(0):
            return found.group(0)
    raise AssertionError(f"no card for {slug}")


async def _launch(manager: Person, org: str, kind: str, title: str, **settings: int) -> str:
    created = await manager.post(f"/orgs/{org}/campaigns", {
        "title": title, "kind": kind, "description": "Make it yours, together.", **settings})
    assert created.status_code == 201, created.text
    return created.json()["slug"]


async def _image(person: Person, color: str) -> str:
    media = await upload(person, png_bytes((320, 240), color))
    assert media["status"] == "ready", media
    return media["media_id"]


async def _mail_to(smtp_server, address: str, subject: str):  # type: ignore[no-untyped-def]
    for _ in range(200):
        if any(m["Subject"] == subject for m in smtp_server.to(address)):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"no mail “{subject}” to {address}: "
                         f"{[m['Subject'] for m in smtp_server.to(address)]}")


@pytest.mark.slow  # two uploads through the worker, and about ten pages
async def test_remix_and_team_challenges_never_speak_of_ideas(client, make_client,
                                                              smtp_server):
    manager = await sign_up(client, "Manager")
    org = (await manager.post("/orgs", {"name": f"Parade {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    remix = await _launch(manager, org, "remix", "Remix our summer ad")
    team = await _launch(manager, org, "team", "Build a parade float", team_min_size=1)
    idea = await _launch(manager, org, "idea", "Next big flavour")
    kit = await manager.post(f"/campaigns/{remix}/kit", {
        "media_id": await _image(manager, "#ff5a36"), "title": "Beach still",
        "licence": "Free to remix for this challenge."})
    assert kit.status_code == 201, kit.text

    # The API says the same words, for clients to follow the kind too.
    for slug, entries, similar in ((remix, "remixes", False), (team, "team entries", False),
                                   (idea, "ideas", True)):
        said_by_api = (await manager.get(f"/campaigns/{slug}")).json()["words"]
        assert (said_by_api["entries"], said_by_api["checks_similar"]) == (entries, similar)

    ana = await sign_up(make_client(), "Ana")
    browser = await Browser(ana.client).log_in(ana.email)

    # Empty galleries, and the forms to take part: no idea wording, no empty tag picker.
    for slug, share, empty in ((remix, "Submit your remix", "No remixes yet"),
                               (team, "Submit your team’s entry", "No team entries yet")):
        page = (await browser.get(f"/c/{slug}")).text
        assert not speaks_of_ideas(page), speaks_of_ideas(page)
        assert share in page and empty in page
        assert "Tags (up to" not in page and "Suggest a tag (optional)" in page
        assert 'id="similar-ideas"' not in page and f"/c/{slug}/similar" not in page
    page = (await browser.get(f"/c/{idea}")).text
    for words in ("Idea challenge", "Share your idea", "No ideas yet", "Check for similar ideas",
                  "Give your idea a name", "0 ideas"):
        assert words in page, words

    # Ana submits a remix of the kit, and an entry for her team of one (the campaign allows it).
    made = await ana.post(f"/campaigns/{remix}/entries", {
        "title": "Sunset cut", "media_id": await _image(ana, "#00aa88"),
        "kit_assets": [kit.json()["id"]]})
    assert made.status_code == 201, made.text
    owls = await ana.post(f"/campaigns/{team}/teams", {"name": "Owls"})
    assert owls.status_code == 201, owls.text
    float_ = await ana.post(f"/campaigns/{team}/entries", {"title": "Owls on parade"})
    assert float_.status_code == 201, float_.text

    home = (await browser.get("/")).text
    org_page = (await browser.get(f"/o/{org}")).text
    assert "taking ideas" not in home
    for slug, entry, one, label in ((remix, made.json()["id"], "1 remix", "Remix"),
                                    (team, float_.json()["id"], "1 team entry", "Team entry")):
        gallery = (await browser.get(f"/c/{slug}")).text
        entry_page = (await browser.get(f"/e/{entry}")).text
        for html in (gallery, entry_page, card(home, slug), card(org_page, slug)):
            assert not speaks_of_ideas(html), speaks_of_ideas(html)
        assert one in gallery and one in card(home, slug) and one in card(org_page, slug)
        assert f'<span aria-current="page">{label}</span>' in entry_page
    assert "0 ideas" in card(home, idea)

    # A comment on the remix: the notification and its mail say "remix".
    chose = await ana.put("/me/email-preferences", {"kinds": ["comment"], "digest": False})
    assert chose.status_code == 200, chose.text
    ben = await sign_up(make_client(), "Ben")
    commented = await ben.post(f"/entries/{made.json()['id']}/comments",
                               {"body": "Love the colours."})
    assert commented.status_code == 201, commented.text
    told = "Ben commented on your remix “Sunset cut”."
    notes = (await ana.get("/notifications")).json()["notifications"]
    assert told in [n["text"] for n in notes]
    await _mail_to(smtp_server, ana.email, told)
