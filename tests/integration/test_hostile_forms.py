"""Every HTML form holds against hostile input: a manager (of an organization with a campaign
in each phase and a fundraiser) and a fan post NUL characters, line breaks, 100 KB strings and
over-long ids to every form of the site, found by walking the app's routes (a new form is
covered without touching this test), into every field its forms name (in the templates and
on the pages as each person sees them) plus the usual suspects, plainly or the way htmx
posts. Whatever is refused must be refused with a 4xx;
nothing answers 5xx."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from starlette.routing import Route

from cocreate.doors.ratelimit import Limiter
from tests.browser import Browser
from tests.people import Person, sign_up

pytestmark = pytest.mark.slow

TEMPLATES = Path(__file__).parents[2] / "templates"
FORM = re.compile(r"<form\b(?P<open>[^>]*)>(?P<body>.*?)</form>", re.S)
ACTION = re.compile(r'(?:action|hx-post|hx_post)="([^"]+)"')
FIELD = re.compile(r'\bname="([^"]+)"|forms\.\w+\(\s*"([A-Za-z_][\w.]*)"')
JINJA = re.compile(r"\{\{.*?\}\}")
NAME = re.compile(r"[A-Za-z_][\w.]*")
# Names most forms' services read, posted to every form besides the ones its templates name.
USUAL_FIELDS = ("title", "body", "name", "display_name", "bio", "description", "note",
                "reason", "message", "story", "rules", "email", "handle", "slug", "into",
                "entry_id", "page_id", "media_id", "code", "tag", "q", "alt", "sponsor_name")
BIG_TEXT = ("title", "body", "name", "display_name", "note", "reason", "message")
MAX_FIELDS = 45  # forms are read with at most 50 fields
HOSTILE = {
    "nul": "Solar\x00roof",
    "line breaks": "Solar roof\r\nBcc: someone@example.test\nSecond line",
    "100 KB": "x" * 100_000,
    "over-long id": "abcdefghijklmnopq" * 4,
}
SWAPPED = {"line breaks", "over-long id"}  # posted as htmx does: the answer is a fragment
LONG_ID = "k" * 300
SHOWN_AT = ("open", "team challenge", "fundraiser")  # places whose pages show different forms
NOT_PAGES = ("/static", "/media", "/ob/", "/embed", "/oembed", "/healthz", "/readyz", "/verify",
             "/unsubscribe", "/feed")
GENEROUS = "10000/minute"


def form_fields() -> dict[str, set[str]]:
    """Field names per form action, as the templates write them (`{{ ... }}` parts as `x` in
    actions and `1` in names: the first of numbered fields)."""
    found: dict[str, set[str]] = {}
    for template in TEMPLATES.rglob("*.html"):
        for form in FORM.finditer(template.read_text()):
            named = (JINJA.sub("1", a or b) for a, b in FIELD.findall(form["body"]))
            names = {name for name in named if NAME.fullmatch(name)}  # prize_{{ rank }}_title
            for action in ACTION.findall(form["open"] + form["body"]):
                path = JINJA.sub("x", action).split("#")[0].split("?")[0]
                if path.startswith("/"):
                    found.setdefault(path, set()).update(names)
    return found


class _Forms(HTMLParser):
    """The forms of a rendered page: each one's action (and htmx posts) with the names of the
    fields inside it, including those templates build from expressions and partials."""

    def __init__(self, found: dict[str, set[str]]) -> None:
        super().__init__()
        self.found = found
        self.names: set[str] | None = None
        self.actions: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form":
            self.names, self.actions = set(), []
        if self.names is None:
            return
        self.actions += [action for key in ("action", "hx-post") if (action := values.get(key))]
        if tag in ("input", "select", "textarea", "button") and values.get("name"):
            self.names.add(values["name"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.names is not None:
            for action in self.actions:
                self.found.setdefault(urlsplit(action).path, set()).update(self.names)
            self.names = None


def page_routes(app: Any) -> list[Route]:
    """The HTML pages a form can be on (no images, feeds, streams or signed links)."""
    return [route for route in app.routes
            if isinstance(route, Route) and "GET" in (route.methods or set())
            and "." not in route.path_format and not route.path_format.endswith("/live")
            and not route.path_format.startswith(NOT_PAGES)]


async def rendered_forms(browser: Browser, pages: list[Route], places: list[Place],
                         found: dict[str, set[str]]) -> None:
    """Add the forms each page shows this person, in each kind of campaign."""
    for route in pages:
        paths = {place.path(route) for place in places if place.name in SHOWN_AT}
        for path in (paths - {None} or {route.path_format}):
            answer = await browser.get(path)
            if answer.headers.get("content-type", "").startswith("text/html"):
                _Forms(found).feed(answer.text)


def form_routes(app: Any) -> list[Route]:
    """Every POST route of the HTML side (the JSON API is tested on its own)."""
    return [route for route in app.routes
            if isinstance(route, Route) and "POST" in (route.methods or set())
            and not route.path.startswith("/api/")]


def fields_of(route: Route, templates: dict[str, set[str]]) -> tuple[list[str], list[str]]:
    """The form's own fields (as its templates name them), and the usual suspects besides."""
    named = {name for action, names in templates.items() if route.path_regex.match(action)
             for name in names} - {"csrf_token"}
    own = sorted(named)[:MAX_FIELDS]
    return own, sorted(set(USUAL_FIELDS) - named)[:MAX_FIELDS - len(own)]


def hostile_form(fields: tuple[list[str], list[str]], kind: str) -> dict[str, str]:
    """Every field holds the hostile value; 100 KB goes to the form's own fields (and the
    usual text fields) only, so that a request stays a few megabytes at most."""
    own, usual = fields
    value = HOSTILE[kind]
    if kind == "100 KB":
        return {**dict.fromkeys(usual, "x"), **dict.fromkeys([*own, *BIG_TEXT], value)}
    return dict.fromkeys([*own, *usual], value)


@dataclasses.dataclass
class Actor:
    who: str
    browser: Browser
    api: Person


@dataclasses.dataclass
class Place:
    """Values for a route's path parameters: one campaign (in one phase) and what is in it."""

    name: str
    values: dict[str, str]

    def path(self, route: Route) -> str | None:
        params = route.param_convertors
        if not set(params) <= set(self.values):
            return None
        return route.path_format.format(**{name: self.values[name] for name in params})


async def person(make_client: Any, name: str) -> Actor:
    """Someone with a browser session for the forms and an API token to set the scene."""
    api = await sign_up(make_client(), name)
    return Actor(name, await Browser(make_client()).log_in(api.email), api)


def created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code in (200, 201), response.text
    return response.json()


async def campaign(manager: Person, org: str, **fields: Any) -> dict[str, Any]:
    return created(await manager.post(f"/orgs/{org}/campaigns", {
        "title": f"Bright ideas {uuid.uuid4().hex[:4]}", "kind": "idea",
        "description": "Ideas, please.", **fields}))


async def move(manager: Person, slug: str, *phases: str) -> None:
    for phase in phases:
        created(await manager.post(f"/campaigns/{slug}/phase", {"phase": phase}))


async def build_world(manager: Actor, fan: Actor) -> list[Place]:
    """An organization with an idea campaign in each phase (each with the fan's entry, a
    comment and a tag; those judged with criteria and the manager as judge), a team challenge
    and a fundraiser with a page, a team and a gift; the fan wears one of its badges."""
    boss, crowd = manager.api, fan.api
    org = (created(await boss.post("/orgs", {
        "name": f"Brand {uuid.uuid4().hex[:6]}", "kind": "brand", "color": "#ff5a36"})))["slug"]
    badge = (created(await boss.post(f"/orgs/{org}/badges", {
        "name": "Sharp eye", "description": "Spotted what everyone else missed."})))["id"]
    reply = (created(await boss.post(f"/orgs/{org}/saved-replies", {
        "title": "Thanks", "body": "Thank you, {name}!"})))["id"]
    common = {"org": org, "badge": badge, "reply": reply, "handle": crowd.handle,
              "provider": "stripe", "token": "not-a-token"}
    places = []
    for phases in ((), ("voting",), ("voting", "judging"), ("draft",),
                   ("voting", "judging", "results")):
        slug = (await campaign(boss, org))["slug"]
        tag = (created(await boss.post(f"/campaigns/{slug}/tags", {"name": "Vegan"})))
        entry = (created(await crowd.post(f"/campaigns/{slug}/entries", {
            "title": "Solar roof", "body": "Panels on every stop."})))["id"]
        comment = (created(await crowd.post(f"/entries/{entry}/comments", {
            "body": "What do you think?"})))["id"]
        if "judging" in phases:  # the manager judges it on criteria of their own
            created(await boss.put(f"/campaigns/{slug}/criteria", {"criteria": [
                {"name": "Originality", "weight": 3, "description": "Never seen before"}]}))
            created(await boss.post(f"/campaigns/{slug}/judges", {"handle": boss.handle}))
        if phases == ():
            award = (created(await boss.post(f"/orgs/{org}/badges/{badge}/awards", {
                "handle": crowd.handle, "campaign": slug, "note": "Good catch."})))["id"]
            common["award"] = award
        await move(boss, slug, *phases)
        places.append(Place(phases[-1] if phases else "open", {
            **common, "campaign": slug, "entry": entry, "comment": comment,
            "tag": tag["slug"]}))
    team_slug = (await campaign(boss, org, kind="team", team_min_size=1,
                                team_max_size=3))["slug"]
    team = created(await crowd.post(f"/campaigns/{team_slug}/teams", {"name": "Owls"}))
    places.append(Place("team challenge", {
        **common, "campaign": team_slug, "team": team["id"],
        "code": team["invite_url"].rsplit("/", 1)[1]}))
    fundraiser = (await campaign(boss, org, kind="fundraiser", goal=500_000, currency="EUR",
                                 suggested_amounts=[1000, 2500]))["slug"]
    page = created(await crowd.post(f"/campaigns/{fundraiser}/pages", {"goal": 10_000}))
    fund_team = created(await crowd.post(f"/campaigns/{fundraiser}/fundraising-teams",
                                               {"name": "Harbour Crew"}))
    gift = created(await crowd.post(f"/campaigns/{fundraiser}/gifts", {"amount": 2500}))
    places.append(Place("fundraiser", {
        **common, "campaign": fundraiser, "page": page["slug"],
        "team": fund_team.get("slug") or fund_team["team"]["slug"],
        "gift": gift["gift"]["id"]}))
    slug = (await campaign(boss, org))["slug"]
    await move(boss, slug, "voting", "judging", "results", "archived")
    places.append(Place("archived", {**common, "campaign": slug}))
    return places  # in this order, the manager meets the open campaign, the fundraiser...


@pytest.fixture
async def generous_limits(app: Any) -> AsyncIterator[None]:
    """Hundreds of posts in a few seconds: rate limits would refuse most of them (429) before
    the input is read, so this test's limits are high."""
    live = app.state.deps
    limits = {name: GENEROUS for name in type(live.settings).model_fields
              if name.startswith("rate_limit_") and isinstance(getattr(live.settings, name), str)}
    limiter = Limiter(live.settings.model_copy(update=limits))
    app.state.deps = dataclasses.replace(live, limiter=limiter)
    yield
    app.state.deps = live
    await limiter.close()


def attempts(route: Route, places: list[Place], turn: int, long_ids: bool
             ) -> Iterator[tuple[str, str, str]]:
    """(path, where, kind): each hostile value once, at the places the route can name taking
    turns (the two people share them out, so together they meet each place); and once, the
    route's ids made over-long."""
    found = [(path, place.name) for place in places if (path := place.path(route)) is not None]
    mine = found[turn::2] if len(found) > len(HOSTILE) else found
    for number, kind in enumerate(HOSTILE):
        path, where = mine[number % len(mine)] if mine else (route.path_format, "")
        yield path, where, kind
        if long_ids and number == 0 and route.param_convertors:
            long_path = route.path_format.format(**dict.fromkeys(route.param_convertors, LONG_ID))
            yield long_path, "over-long ids in the path", kind


async def status_of(browser: Browser, path: str, form: dict[str, str], *, htmx: bool
                    ) -> tuple[int, str]:
    try:
        answer = await browser.post(path, form, htmx=htmx)
    except Exception as error:  # raised through the test client: the server's 500
        return 500, repr(error)[:200]
    return answer.status_code, answer.text[:200]


async def test_no_hostile_form_post_answers_5xx(app, make_client, generous_limits):
    manager = await person(make_client, "Manager")
    fan = await person(make_client, "Fan")
    places = await build_world(manager, fan)
    templates = form_fields()
    for actor in (fan, manager):
        await rendered_forms(actor.browser, page_routes(app), places, templates)
    routes = sorted(form_routes(app), key=lambda route: route.path == "/logout")  # signs out
    failures: list[str] = []
    answers: Counter[int] = Counter()

    for actor in (fan, manager):  # the fan first: the manager's moderation hides things
        await actor.browser.get("/")
        for route in routes:
            fields = fields_of(route, templates)
            turn = 0 if actor is manager else 1
            for path, where, kind in attempts(route, places, turn, actor is manager):
                status, text = await status_of(actor.browser, path, hostile_form(fields, kind),
                                               htmx=kind in SWAPPED)
                answers[status] += 1
                assert "expired or came from elsewhere" not in text, "the CSRF token was refused"
                if status >= 500:
                    failures.append(f"{actor.who}: POST {path[:80]} ({where}) with {kind}: "
                                    f"{status} {text}")
                if status == 403 and actor is fan:
                    break  # a manager's form: it refuses the fan before reading anything

    named = sum(len(fields_of(route, templates)[0]) for route in routes)
    print(f"{len(routes)} form routes ({named} fields they name), {answers.total()} requests, "
          f"{len(failures)} answered 5xx;"
          f" answers by status: {dict(sorted(answers.items()))}")
    assert not failures, "\n".join(failures)
