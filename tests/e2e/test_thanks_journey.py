"""A brand thanks a fan by name, in headless Chromium against a real `cocreate serve`: the
fan shares an idea, the manager thanks them from the inbox without leaving the page, and
the fan sees the bell count the thanks, reads it and replies in the conversation live."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import Browser, expect

from tests.e2e.journeys import SCREENSHOTS, SLOW, Problems, logged_in, new_fan
from tests.people import launch_campaign, sign_up


async def test_a_manager_thanks_a_fan_who_sees_it_at_once(live_server: str,
                                                          chromium: Browser) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Maya Manager")
        campaign = await launch_campaign(manager, "Thank-you Tuesday")
    campaign_path = f"/c/{campaign['slug']}"
    problems = Problems()

    fan = await new_fan(chromium, live_server, problems, "Zoë Fan", campaign_path)
    await fan.get_by_label("Title").fill("A coupon that never expires")
    await fan.get_by_role("button", name="Submit your idea").click()
    await expect(fan).to_have_url(re.compile(r"/e/[a-z0-9]+$"))
    entry_path = fan.url.removeprefix(live_server)

    # The manager logs in and thanks Zoë from the inbox: the item turns into a confirmation.
    brand = await logged_in(chromium, live_server, problems, manager.email)
    await brand.goto(f"/o/{campaign['org']['slug']}/inbox")
    note = brand.get_by_label("Your note to Zoë Fan")
    await expect(note).to_have_value("Thanks, Zoë: ")
    await note.fill("Thanks, Zoë: a coupon that never expires is what everyone wants.")
    await brand.evaluate("() => { window.stillTheSamePage = true; }")
    await brand.get_by_role("button", name="Send thanks").click()
    await expect(brand.get_by_text("Thanked Zoë Fan")).to_be_visible()
    assert await brand.evaluate("() => window.stillTheSamePage === true")
    await brand.screenshot(path=SCREENSHOTS / "cocreate-e2e-thanks-inbox.png", full_page=True)

    # Zoë's bell counts the news; the notifications page reads the thanks.
    await fan.reload()
    await expect(fan.locator(".bell-count")).to_have_text(re.compile(r"^[1-9]"), timeout=SLOW)
    await fan.locator("a.bell").click()
    await expect(fan.get_by_role("link", name=re.compile(
        r"thanked you for “A coupon that never expires”"))).to_be_visible()
    await fan.goto(entry_path)
    await expect(fan.get_by_text("a coupon that never expires is what everyone wants")
                 ).to_be_visible()

    # Zoë answers in the conversation; the manager's open entry page shows it unprompted.
    await brand.goto(entry_path)
    await expect(brand.locator("#comments")).to_be_visible()
    await fan.get_by_label("Add to the conversation").fill("Thank you, Maya!")
    await fan.get_by_role("button", name="Comment").click()
    await expect(fan.locator("#comment-list")).to_contain_text("Thank you, Maya!")
    await expect(brand.locator("#comment-list")).to_contain_text("Thank you, Maya!",
                                                                 timeout=SLOW)
    assert problems.seen == []
