"""On a phone (390×844) a signed-in fan's header stays one row: the logo, the bell, their
avatar and a Menu that opens without JavaScript and holds the rest, logging out included."""

from __future__ import annotations

import httpx
from playwright.async_api import Browser, expect

from tests.e2e.journeys import Problems, logged_in
from tests.people import sign_up


async def test_a_fan_on_a_phone_finds_everything_in_the_menu(live_server: str,
                                                             chromium: Browser) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        fan = await sign_up(api, "Pocket Fan")
    problems = Problems()
    page = await logged_in(chromium, live_server, problems, fan.email)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto("/orgs")

    header = await page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 80, header  # one row, not three
    await expect(page.get_by_role("button", name="Log out")).to_be_hidden()
    menu = page.locator(".nav-menu")
    await menu.get_by_text("Menu").click()
    await menu.get_by_role("link", name="Feed").click()
    await expect(page).to_have_url(f"{live_server}/feed")

    await page.locator(".nav-menu").get_by_text("Menu").click()
    await page.locator(".nav-menu").get_by_role("button", name="Log out").click()
    await expect(page.get_by_role("link", name="Log in")).to_be_visible()
    assert problems.seen == [], problems.seen
