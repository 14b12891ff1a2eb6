"""The vote button in headless Chromium against a real `cocreate serve`: an author sees their
own entry's count and no button; a fan whose vote is refused (voting closed while the page was
open) sees why next to the button (a 403 htmx swaps in, base.html's htmx-config), still on the
idea's page, with the button still there."""

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


async def test_an_author_sees_no_vote_button_and_a_late_vote_is_told_why_at_the_button(
        live_server: str, chromium: Browser) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Mona Manager")
        campaign = await launch_campaign(manager, "Less packaging")
        author = await sign_up(api, "Proud Author")
        fan = await sign_up(api, "Late Fan")
        created = await author.post(f"/campaigns/{campaign['slug']}/entries",
                                    {"title": "Refill stations"})
        entry_path = f"/e/{created.json()['id']}"
        problems = RefusalsExpected()

        own = await logged_in(chromium, live_server, problems, author.email)
        await own.goto(entry_path)
        await expect(own.locator(".vote-own")).to_contain_text("Your entry")
        await expect(own.get_by_role("button", name="Vote for Refill stations")).to_have_count(0)

        page = await logged_in(chromium, live_server, problems, fan.email)
        await page.goto(entry_path)
        moved = await manager.post(f"/campaigns/{campaign['slug']}/phase", {"phase": "judging"})
        assert moved.status_code == 200, moved.text
        await page.get_by_role("button", name="Vote for Refill stations").click()

    await expect(page.get_by_role("alert")).to_contain_text("Voting has closed")
    await expect(page.get_by_role("button", name="Vote for Refill stations")).to_be_visible()
    assert page.url == f"{live_server}{entry_path}"
    assert problems.seen == [], problems.seen
