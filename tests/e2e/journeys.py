"""What the end-to-end stories share: watching for browser problems, and a new fan."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from playwright.async_api import Browser, ConsoleMessage, Page, expect

from tests.people import PASSWORD

SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp"))
SLOW = 30_000  # ms: uploads and cards wait for the worker


class Problems:
    """Console errors and uncaught exceptions, e.g. a CSP violation, fail the journey.
    A form coming back with field errors (422) is expected; Chromium logs it all the same."""

    EXPECTED = "the server responded with a status of 422"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def watch(self, page: Page) -> Page:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.seen.append(f"pageerror: {error}"))
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and self.EXPECTED not in message.text:
            self.seen.append(f"console: {message.text}")


async def new_fan(browser: Browser, base_url: str, problems: Problems, name: str,
                  start: str) -> Page:
    """A fresh browser profile that signs up from the campaign's call to action."""
    context = await browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = problems.watch(await context.new_page())
    await page.goto(start)
    await page.get_by_role("link", name="Create an account").click()
    await page.get_by_label("Your name").fill(name)
    await page.get_by_label("Email").fill(f"{uuid.uuid4().hex[:10]}@example.test")
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Create my account").click()
    await expect(page).to_have_url(f"{base_url}{start}")
    await expect(page.get_by_role("link", name=name)).to_be_visible()
    return page


async def logged_in(browser: Browser, base_url: str, problems: Problems, email: str) -> Page:
    """A fresh browser profile of someone who already has an account, logged in."""
    context = await browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = problems.watch(await context.new_page())
    await page.goto("/login")
    await page.get_by_label("Email").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()
    return page
