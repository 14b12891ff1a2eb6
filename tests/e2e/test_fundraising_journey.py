"""Peer to peer in headless Chromium against a real `cocreate serve`: a fan starts their own
fundraising page with a photo and a team, copies its share link, a friend opens the link in
another browser, signs up and pledges (the offline provider), the manager marks the pledge
paid in the gift book, and the page shows the new total and the friend's message."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Browser, BrowserContext, Page, expect

from tests.e2e.journeys import SCREENSHOTS, SLOW, Problems, logged_in
from tests.integration.test_fundraisers import launch_fundraiser
from tests.people import PASSWORD, png_bytes, sign_up


async def new_context(browser: Browser, base_url: str) -> BrowserContext:
    context = await browser.new_context(base_url=base_url,
                                        viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    return context


async def sign_up_from_the_give_box(page: Page, name: str) -> None:
    """"Create an account" in the give box, then back to the give box."""
    await page.locator("#give").get_by_role("link", name="Create an account").click()
    await page.get_by_label("Your name").fill(name)
    await page.get_by_label("Email").fill(f"{uuid.uuid4().hex[:10]}@example.test")
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Create my account").click()
    await expect(page.get_by_role("link", name=name)).to_be_visible()


async def test_a_fan_raises_money_on_their_own_page_and_a_friend_gives_through_its_link(
    live_server: str, chromium: Browser, tmp_path: Path
) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Maya Manager")
        campaign = await launch_fundraiser(manager)
    campaign_path = f"/c/{campaign['slug']}"
    problems = Problems()

    # A fan signs up on the fundraiser and starts their own page: a bad goal comes back.
    fan_context = await new_context(chromium, live_server)
    await fan_context.grant_permissions(["clipboard-read", "clipboard-write"])
    fan = problems.watch(await fan_context.new_page())
    await fan.goto(campaign_path)
    await sign_up_from_the_give_box(fan, "Rita Runner")
    await fan.get_by_role("link", name="Start your own fundraiser").click()
    await expect(fan.get_by_label("Title")).to_have_value(re.compile(r"^Rita Runner for "))
    await fan.get_by_label("Title").fill("Rita runs 10k for hot meals")
    await fan.get_by_label("Your goal (EUR)").fill("lots")
    await fan.get_by_role("button", name="Start my fundraiser").click()
    await expect(fan.get_by_text("Use an amount like 25")).to_be_visible()
    await fan.get_by_label("Your goal (EUR)").fill("200")
    await fan.get_by_label("Your story").fill("Every kilometre is a **hot meal**.")
    picture = tmp_path / "rita.png"
    picture.write_bytes(png_bytes((800, 600), "#e85d04"))
    await fan.get_by_label("Photo").set_input_files(picture)
    await expect(fan.locator("[data-upload-status]")).to_have_text("Image ready", timeout=SLOW)
    await fan.get_by_label("Or start a team").fill("Riverside Runners")
    await fan.get_by_role("button", name="Start my fundraiser").click()
    await expect(fan).to_have_url(re.compile(rf"{campaign_path}/p/(?!new$)[a-z0-9-]+$"))
    page_path = fan.url.removeprefix(live_server)
    await expect(fan.get_by_role("heading", name="Rita runs 10k for hot meals")).to_be_visible()
    await expect(fan.locator(".prose strong")).to_have_text("hot meal")
    await expect(fan.locator(".campaign-hero-cover img")).to_have_js_property(
        "naturalWidth", 800)
    await expect(fan.get_by_role("link", name="Riverside Runners").first).to_be_visible()

    # Rita copies the page's share link (it carries her referral code).
    await fan.get_by_role("button", name="Copy link").click()
    await expect(fan.get_by_text("Link copied to your clipboard.")).to_be_visible()
    link = await fan.evaluate("() => navigator.clipboard.readText()")
    assert link.startswith(f"{live_server}{page_path}?ref=")
    await fan.screenshot(path=SCREENSHOTS / "cocreate-e2e-fundraising-page.png", full_page=True)

    # A friend opens the link in their own browser, signs up and pledges €25 with a message.
    friend_context = await new_context(chromium, live_server)
    friend = problems.watch(await friend_context.new_page())
    await friend.goto(link)
    await expect(friend.get_by_role("heading", name="Rita runs 10k for hot meals")
                 ).to_be_visible()
    await sign_up_from_the_give_box(friend, "Frida Friend")
    await expect(friend).to_have_url(f"{live_server}{page_path}#give")
    give = friend.locator("#give")
    await give.get_by_label("€25").check()
    await give.get_by_label("A message of support (optional)").fill("Run, Rita, run!")
    await give.get_by_role("button", name="Give").click()
    await expect(friend.get_by_text("Your pledge of €25 is recorded")).to_be_visible()

    # The manager marks the pledge paid in the gift book.
    brand = await logged_in(chromium, live_server, problems, manager.email)
    await brand.goto(f"{campaign_path}/gifts")
    await brand.get_by_role("button", name=re.compile(r"^Mark paid")).click()
    await expect(brand.get_by_text("The gift of €25 by Frida Friend is now paid.")
                 ).to_be_visible()

    # Rita's page shows the new total and Frida's message; so does her team's.
    await fan.reload()
    await expect(fan.locator("#progress")).to_contain_text("€25")
    await expect(fan.locator("#progress")).to_contain_text("of €200 goal")
    await expect(fan.locator("#supporters")).to_contain_text("Frida Friend")
    await expect(fan.locator("#supporters")).to_contain_text("Run, Rita, run!")
    await fan.get_by_role("link", name="Riverside Runners").first.click()
    await expect(fan.get_by_role("heading", name="Riverside Runners", exact=True)
                 ).to_be_visible()
    await expect(fan.locator(".fundraiser-progress")).to_contain_text("€25")
    await fan.goto(f"{campaign_path}/leaderboard")
    board = fan.get_by_role("region", name="Top fundraisers")
    await expect(board.get_by_role("link", name="Rita Runner")).to_be_visible()
    await expect(board).to_contain_text("€25 of €200")
    await fan.goto(campaign_path)
    await expect(fan.get_by_role("link", name="Your fundraising page")).to_be_visible()
    await expect(fan.get_by_role("region", name="Top teams")).to_contain_text("Riverside Runners")
    await fan.screenshot(path=SCREENSHOTS / "cocreate-e2e-fundraising-board.png",
                         full_page=True)
    assert problems.seen == []
