"""Every form answers a refusal in place: the same form, with the reason, each field's message
and what the person typed, under the refusal's own status (422 invalid, 409 conflict, 403
forbidden, 404 not found, 429 rate limited, 503 unavailable), as a whole page to a plain POST
and as the fragment htmx swaps to an htmx POST (web/forms.py)."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from markupsafe import escape
from pydantic import SecretStr

from cocreate.doors.payments.stripe_checkout import StripeCheckout
from cocreate.doors.ratelimit import Limiter
from tests.browser import Browser
from tests.people import PASSWORD
from tests.services import free_port

# Low enough to reach in a test; each person and address is new, so nothing else is slowed.
TIGHT_LIMITS = {"rate_limit_signup": "1/minute", "rate_limit_submissions": "1/minute",
                "rate_limit_comments": "1/minute", "rate_limit_tags": "2/minute"}


@dataclass
class Attempt:
    """A form sent that the site refuses, and how its answer must look."""

    person: Browser
    path: str
    data: dict[str, str]
    message: str  # the reason, as the service words it
    form: str  # a mark of the form itself in the answer
    kept: str | None = None  # what was typed, in its field again (None: no field to keep)


@dataclass
class World:
    """Fresh people and places for one story; changes to the site are undone at the end."""

    app: Any
    make_client: Callable[[], httpx.AsyncClient]
    undo: ExitStack = field(default_factory=ExitStack)

    def visitor(self) -> Browser:
        return Browser(self.make_client())

    async def person(self, name: str = "Fan") -> Browser:
        browser = self.visitor()
        await browser.sign_up(name)
        return browser

    async def handle(self, person: Browser) -> str:
        return (await person.client.get("/api/v1/me")).json()["handle"]

    async def campaign(self, **settings: str) -> tuple[Browser, str]:
        """A manager and their open campaign (an idea campaign unless `kind` says)."""
        manager = await self.person("Manager")
        org = await manager.create_org(f"Brand {uuid.uuid4().hex[:6]}")
        return manager, await manager.launch_campaign(org, "Bright ideas", **settings)

    async def fundraiser(self) -> tuple[Browser, str]:
        return await self.campaign(kind="fundraiser", goal="5000", currency="EUR",
                                   suggested_amounts="10, 25", match_percent="100")

    async def idea(self, campaign: str, title: str = "Solar roof") -> tuple[Browser, str]:
        author = await self.person("Author")
        return author, await author.submit_idea(campaign, title)

    async def move(self, manager: Browser, campaign: str, phase: str) -> None:
        await manager.get(f"{campaign}/manage")
        moved = await manager.post(f"{campaign}/phase", {"phase": phase, "confirmed": "yes"})
        assert moved.status_code == 303, moved.text

    @contextmanager
    def _deps(self, **changes: Any) -> Iterator[None]:
        live = self.app.state.deps
        self.app.state.deps = dataclasses.replace(live, **changes)
        try:
            yield
        finally:
            self.app.state.deps = live

    def payments_down(self) -> None:
        """Gifts go to Stripe, which does not answer (nothing listens at its address)."""
        settings = self.app.state.deps.settings.model_copy(update={
            "payment_provider": "stripe", "stripe_secret_key": SecretStr("sk_test_down"),
            "stripe_webhook_secret": SecretStr("whsec_down"),
            "stripe_api_base": f"http://127.0.0.1:{free_port()}"})
        self.undo.enter_context(self._deps(settings=settings, payments=StripeCheckout(settings)))


@pytest.fixture
async def world(app, make_client) -> Any:  # type: ignore[no-untyped-def]
    live = app.state.deps
    limiter = Limiter(live.settings.model_copy(update=TIGHT_LIMITS))
    app.state.deps = dataclasses.replace(live, limiter=limiter)
    found = World(app, make_client)
    try:
        yield found
    finally:
        found.undo.close()
        app.state.deps = live
        await limiter.close()


# Accounts --------------------------------------------------------------------------------

async def signup_invalid(world: World) -> Attempt:
    return Attempt(world.visitor(), "/signup",
                   {"email": "not-an-email", "password": "short", "display_name": "Kept Name"},
                   "Please correct the highlighted fields.", 'id="signup-form"', "Kept Name")


async def signup_taken(world: World) -> Attempt:
    first = await world.person("First")
    return Attempt(world.visitor(), "/signup",
                   {"email": first.email, "password": PASSWORD, "display_name": "Twin Name"},
                   "An account with this email exists. Log in instead.", 'id="signup-form"',
                   "Twin Name")


async def signup_too_fast(world: World) -> Attempt:
    same_address = await world.person("First")
    await same_address.post("/logout", {})
    return Attempt(same_address, "/signup", {"email": f"{uuid.uuid4().hex[:8]}@example.test",
                                             "password": PASSWORD, "display_name": "Again"},
                   "Too many attempts.", 'id="signup-form"', "Again")


async def login_wrong_password(world: World) -> Attempt:
    person = await world.person()
    return Attempt(world.visitor(), "/login", {"email": person.email, "password": "not it!"},
                   "Wrong email or password.", 'id="login-form"', person.email)


# Entries, votes, comments, tags ------------------------------------------------------------

async def entry_invalid(world: World) -> Attempt:
    _, campaign = await world.campaign()
    return Attempt(await world.person(), f"{campaign}/entries",
                   {"title": "x", "body": "Kept description"},
                   "Please correct the highlighted fields.", f'action="{campaign}/entries"',
                   "Kept description")


async def entry_after_closing(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    await world.move(manager, campaign, "voting")
    return Attempt(await world.person(), f"{campaign}/entries", {"title": "Too late"},
                   "This campaign has closed; it no longer takes entries.", "Entries are closed")


async def entry_too_fast(world: World) -> Attempt:
    _, campaign = await world.campaign()
    fan, _ = await world.idea(campaign)
    return Attempt(fan, f"{campaign}/entries", {"title": "Second idea", "body": "Kept"},
                   "Too many attempts.", f'action="{campaign}/entries"', "Second idea")


async def vote_own_entry(world: World) -> Attempt:
    _, campaign = await world.campaign()
    author, entry = await world.idea(campaign)
    return Attempt(author, f"{entry}/vote", {"action": "vote"},
                   "You can't vote for your own entry.", 'class="vote-form"')


async def comment_empty(world: World) -> Attempt:
    _, campaign = await world.campaign()
    _, entry = await world.idea(campaign)
    return Attempt(await world.person(), f"{entry}/comments", {"body": " "},
                   "Please correct the highlighted fields.", f'action="{entry}/comments"')


async def comment_too_fast(world: World) -> Attempt:
    _, campaign = await world.campaign()
    _, entry = await world.idea(campaign)
    fan = await world.person()
    await fan.get(entry)
    first = await fan.post(f"{entry}/comments", {"body": "First!"})
    assert first.status_code == 303, first.text
    return Attempt(fan, f"{entry}/comments", {"body": "Kept comment"}, "Too many attempts.",
                   f'action="{entry}/comments"', "Kept comment")


async def reaction_too_fast(world: World) -> Attempt:
    _, campaign = await world.campaign()
    _, entry = await world.idea(campaign)
    fan = await world.person()
    await fan.get(entry)
    assert (await fan.post(f"{entry}/comments", {"body": "Love it"})).status_code == 303
    comment = re.search(r'<li class="comment [^"]*" id="comment-([a-z0-9]+)"',
                        (await fan.get(entry)).text)
    assert comment, "no comment to react to"
    return Attempt(fan, f"/comments/{comment.group(1)}/react", {"kind": "love", "on": "1"},
                   "Too many attempts.", f'id="reactions-{comment.group(1)}"')


async def tags_invalid(world: World) -> Attempt:
    _, campaign = await world.campaign()
    author, entry = await world.idea(campaign)
    return Attempt(author, f"{entry}/tags", {"suggest_tag": "!!"},
                   "Please correct the highlighted fields.", f'action="{entry}/tags"',
                   "!!")


async def tags_too_fast(world: World) -> Attempt:
    _, campaign = await world.campaign()
    author, entry = await world.idea(campaign)
    await author.get(entry)
    for suggested in ("Green", "Sunny"):
        tagged = await author.post(f"{entry}/tags", {"suggest_tag": suggested})
        assert tagged.status_code == 303, tagged.text
    return Attempt(author, f"{entry}/tags", {"suggest_tag": "Solar power"},
                   "Too many attempts.", f'action="{entry}/tags"', "Solar power")


async def tag_taken(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    await manager.get(f"{campaign}/tags")
    made = await manager.post(f"{campaign}/tags", {"name": "Spicy", "color": "#aa3300"})
    assert made.status_code == 303, made.text
    return Attempt(manager, f"{campaign}/tags", {"name": "Spicy", "color": "#aa3300"},
                   "This campaign has a tag “Spicy” already", f'action="{campaign}/tags"',
                   "Spicy")


async def team_name_taken(world: World) -> Attempt:
    _, campaign = await world.campaign(kind="team")
    captain = await world.person("Captain")
    await captain.get(campaign)
    made = await captain.post(f"{campaign}/teams", {"name": "Rockets"})
    assert made.status_code == 303, made.text
    return Attempt(await world.person(), f"{campaign}/teams", {"name": "Rockets"},
                   "Another team has that name.", f'action="{campaign}/teams"',
                   "Rockets")


# The manager's screens -------------------------------------------------------------------

async def settings_invalid(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    return Attempt(manager, f"{campaign}/manage", {"title": "Kept title", "vote_budget": "lots"},
                   "Please correct the highlighted fields.", f'action="{campaign}/manage"',
                   "Kept title")


async def prizes_invalid(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    return Attempt(manager, f"{campaign}/prizes", {"prize_1_title": "Gold " + "x" * 140},
                   "Please correct the highlighted fields.", f'action="{campaign}/prizes"',
                   "Gold " + "x" * 140)


async def prizes_with_a_winner(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    _, entry = await world.idea(campaign)
    await manager.get(f"{campaign}/manage")
    await manager.post(f"{campaign}/prizes", {"prize_1_title": "Gold"})
    await world.move(manager, campaign, "judging")
    screen = (await manager.get(f"{campaign}/manage")).text
    prize = re.search(r'<option value="([a-z0-9]+)">Gold</option>', screen)
    assert prize, "no prize to pick a winner for"
    picked = await manager.post(f"{campaign}/winners",
                                {"prize_id": prize.group(1), "entry_id": entry.split("/")[-1]})
    assert picked.status_code == 303, picked.text
    return Attempt(manager, f"{campaign}/prizes", {"prize_2_title": "Kept silver"},
                   "“Gold” has a winner; remove the winner first.",
                   f'action="{campaign}/prizes"', "Kept silver")


async def saved_reply_invalid(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    org = await _org_of(manager, campaign)
    return Attempt(manager, f"{org}/replies", {"title": "Kept title", "body": "Thanks!"},
                   "Please correct the highlighted fields.", f'action="{org}/replies"',
                   "Kept title")


async def saved_reply_too_many(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    org = await _org_of(manager, campaign)
    await manager.get(f"{org}/replies")
    for number in range(50):
        saved = await manager.post(f"{org}/replies", {"title": f"Reply {number}",
                                                      "body": "Thank you, {name}!"})
        assert saved.status_code == 303, saved.text
    return Attempt(manager, f"{org}/replies", {"title": "One more", "body": "Hi {name}"},
                   "has 50 saved replies, the most it can keep", f'action="{org}/replies"',
                   "One more")


async def org_badge_invalid(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    org = await _org_of(manager, campaign)
    return Attempt(manager, f"{org}/badges", {"name": "x", "description": "Kept description"},
                   "Please correct the highlighted fields.", f'action="{org}/badges"',
                   "Kept description")


async def org_badge_given_twice(world: World) -> Attempt:
    manager, campaign = await world.campaign()
    org = await _org_of(manager, campaign)
    fan = await world.person("Helpful Hana")
    handle = await world.handle(fan)
    await manager.get(f"{org}/badges")
    made = await manager.post(f"{org}/badges", {"name": "Sharp eye",
                                                "description": "Spotted the bug."})
    assert made.status_code == 303, made.text
    badge = re.search(r'action="/o/[^/]+/badges/([a-z0-9]+)/give"',
                      (await manager.get(f"{org}/badges")).text)
    assert badge, "no badge to give"
    give = f"{org}/badges/{badge.group(1)}/give"
    sent = {"handle": handle, "campaign": campaign.split("/")[-1], "note": "First time"}
    assert (await manager.post(give, sent)).status_code == 303
    return Attempt(manager, give, {**sent, "note": "Kept note"},
                   "already has “Sharp eye” for this campaign", f'action="{give}"',
                   "Kept note")


# Fundraisers -----------------------------------------------------------------------------

async def gift_invalid_amount(world: World) -> Attempt:
    _, fundraiser = await world.fundraiser()
    return Attempt(await world.person(), f"{fundraiser}/give",
                   {"custom_amount": "lots", "message": "Kept message"},
                   "Please correct the amount.", f'action="{fundraiser}/give"', "Kept message")


async def gift_after_closing(world: World) -> Attempt:
    manager, fundraiser = await world.fundraiser()
    await world.move(manager, fundraiser, "closed")
    return Attempt(await world.person(), f"{fundraiser}/give",
                   {"amount": "10", "message": "Kept message"},
                   "This fundraiser has closed; it no longer takes gifts.", 'id="give"')


async def gift_provider_down(world: World) -> Attempt:
    _, fundraiser = await world.fundraiser()
    donor = await world.person("Donor")
    world.payments_down()
    return Attempt(donor, f"{fundraiser}/give", {"amount": "10", "message": "Kept message"},
                   "The payment could not start", f'action="{fundraiser}/give"',
                   "Kept message")


async def _org_of(manager: Browser, campaign: str) -> str:
    found = re.search(r'href="(/o/[a-z0-9-]+)"', (await manager.get(campaign)).text)
    assert found, "no link to the campaign's organization"
    return found.group(1)


REFUSALS: list[tuple[Callable[[World], Awaitable[Attempt]], int]] = [
    (signup_invalid, 422), (signup_taken, 409), (signup_too_fast, 429),
    (login_wrong_password, 401),
    (entry_invalid, 422), (entry_after_closing, 403), (entry_too_fast, 429),
    (vote_own_entry, 403), (comment_empty, 422), (comment_too_fast, 429),
    (reaction_too_fast, 429),
    (tags_invalid, 422), (tags_too_fast, 429), (tag_taken, 409), (team_name_taken, 409),
    (settings_invalid, 422), (prizes_invalid, 422), (prizes_with_a_winner, 409),
    (saved_reply_invalid, 422), (saved_reply_too_many, 409),
    (org_badge_invalid, 422), (org_badge_given_twice, 409),
    (gift_invalid_amount, 422), (gift_after_closing, 403), (gift_provider_down, 503),
]


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize(("arrange", "status"), REFUSALS,
                         ids=[arrange.__name__ for arrange, _ in REFUSALS])
async def test_a_refused_form_comes_back_in_place_with_the_reason_and_the_input(
        world: World, arrange: Callable[[World], Awaitable[Attempt]], status: int,
        htmx: bool) -> None:
    attempt = await arrange(world)
    person = attempt.person
    if not person.csrf:
        await person.get("/")
    answer = await person.post(attempt.path, attempt.data, htmx=htmx)
    assert answer.status_code == status, answer.text
    text = answer.text
    assert str(escape(attempt.message)) in text, text
    assert attempt.form in text
    if attempt.kept is not None:
        typed = escape(attempt.kept)
        assert f'value="{typed}"' in text or f">{typed}</textarea>" in text
    assert ("<html" in text) is not htmx  # htmx swaps the form; a plain POST gets the page
    assert 'class="error-page' not in text


# What a form does not answer itself -------------------------------------------------------

async def test_a_form_of_a_page_that_is_gone_or_not_theirs_gets_the_error_page(world: World):
    _, campaign = await world.campaign()
    fan = await world.person()
    await fan.get(campaign)

    gone = await fan.post("/e/no-such-entry/comments", {"body": "Hello?"})
    assert gone.status_code == 404 and 'class="error-page' in gone.text

    not_theirs = await fan.post(f"{campaign}/manage", {"title": "Mine now"})
    assert not_theirs.status_code == 403 and 'class="error-page' in not_theirs.text
    assert 'value="Mine now"' not in not_theirs.text


async def test_someone_signed_out_is_sent_to_log_in_and_back(world: World):
    manager, campaign = await world.campaign()
    org = await _org_of(manager, campaign)
    visitor = world.visitor()
    await visitor.get(f"{org}/replies")
    came_from = {"Referer": f"http://testserver{org}/replies"}

    plain = await visitor.post(f"{org}/replies", {"title": "Hi"}, headers=came_from)
    assert plain.status_code == 303
    assert plain.headers["location"] == f"/login?next={org}/replies"
    htmx = await visitor.post(f"{org}/replies", {"title": "Hi"}, htmx=True, headers=came_from)
    assert htmx.headers["HX-Redirect"] == f"/login?next={org}/replies"


async def test_an_htmx_request_refused_outside_a_form_swaps_nothing_and_says_why(world: World):
    _, campaign = await world.campaign()
    fan = await world.person()
    await fan.get(campaign)

    missing = await fan.post("/e/no-such-entry/follow", {"action": "follow"}, htmx=True)
    assert missing.status_code == 404 and missing.headers["HX-Reswap"] == "none"
    assert '<div id="flashes" hx-swap-oob="beforeend">' in missing.text
    assert "<html" not in missing.text

    forged = await fan.post(f"{campaign}/entries", {"title": "Forged"}, htmx=True, csrf=False)
    assert forged.status_code == 403 and forged.headers["HX-Reswap"] == "none"
    assert "The form expired or came from elsewhere." in forged.text
