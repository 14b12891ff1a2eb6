"""A refused action answers in place, in headless Chromium against a real `cocreate serve`:
the author who votes for their own idea sees why next to the button (a 403 htmx swaps in,
base.html's htmx-config), still on the idea's page."""

from __future__ import annotations

import httpx
from playwright.async_api import Browser, expect

from tests.e2e.journeys import Problems, logged_in
from tests.people import launch_campaign, sign_up


class RefusalsExpected(Problems):
    """The refusal this story provokes is logged by Chromium like any 4xx: expected here."""

    def _console(self, message) -> None:  # type: ignore[no-untyped-def]
        if "the server responded with a status of 403" not in message.text:
            super()._console(message)


async def test_an_author_voting_for_their_own_idea_is_told_why_at_the_button(
        live_server: str, chromium: Browser) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Mona Manager")
        campaign = await launch_campaign(manager, "Less packaging")
        author = await sign_up(api, "Proud Author")
        created = await author.post(f"/campaigns/{campaign['slug']}/entries",
                                    {"title": "Refill stations"})
        entry_path = f"/e/{created.json()['id']}"
    problems = RefusalsExpected()

    page = await logged_in(chromium, live_server, problems, author.email)
    await page.goto(entry_path)
    await page.get_by_role("button", name="Vote for Refill stations").click()

    await expect(page.get_by_role("alert")).to_contain_text("You can't vote for your own entry")
    await expect(page.get_by_role("button", name="Vote for Refill stations")).to_be_visible()
    assert page.url == f"{live_server}{entry_path}"
    assert problems.seen == [], problems.seen
