"""Duplicates, in headless Chromium against a real `cocreate serve`: a fan typing an idea sees
the one already suggested and votes for it without leaving the form; the fan shares theirs
anyway, and the manager merges it into the first from its page."""

from __future__ import annotations

import re

import httpx
from playwright.async_api import Browser, expect

from tests.e2e.journeys import SCREENSHOTS, Problems, logged_in, new_fan
from tests.people import launch_campaign, sign_up

FIRST = "Refillable bottles in every store"


async def test_a_fan_sees_a_similar_idea_while_typing_and_a_manager_merges_the_twin(
        live_server: str, chromium: Browser) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Mona Manager")
        campaign = await launch_campaign(manager, "Less packaging")
        author = await sign_up(api, "Early Bird")
        created = await author.post(f"/campaigns/{campaign['slug']}/entries", {"title": FIRST})
        kept = created.json()["id"]
    campaign_path = f"/c/{campaign['slug']}"
    problems = Problems()

    fan = await new_fan(chromium, live_server, problems, "Late Bird", campaign_path)
    await fan.get_by_label("Title").press_sequentially("Refill botles in stores", delay=30)
    suggestions = fan.locator("#similar-ideas")
    await expect(suggestions.get_by_role("heading", name="Already suggested?")).to_be_visible()
    await expect(suggestions.get_by_role("link", name=FIRST, exact=True)).to_be_visible()
    await suggestions.get_by_role("link", name=f"Vote for {FIRST}").click()
    await expect(suggestions.get_by_text("You voted")).to_be_visible()
    await expect(suggestions.get_by_text("1 vote")).to_be_visible()
    await expect(fan.get_by_label("Title")).to_have_value("Refill botles in stores")
    await fan.screenshot(path=SCREENSHOTS / "cocreate-e2e-similar-ideas.png", full_page=True)

    await fan.get_by_role("button", name="Submit your idea").click()
    await expect(fan).to_have_url(re.compile(r"/e/[a-z0-9]+$"))
    twin_path = fan.url.removeprefix(live_server)

    brand = await logged_in(chromium, live_server, problems, manager.email)
    await brand.goto(twin_path)
    await brand.get_by_text("Merge this idea into another one").click()
    await brand.get_by_label(re.compile(FIRST)).check()
    await brand.get_by_role("button", name="Merge into the chosen idea").click()
    await expect(brand).to_have_url(re.compile(rf"/e/{kept}\?merged="))
    await expect(brand.get_by_text("“Refill botles in stores” was merged into this idea")
                 ).to_be_visible()
    await expect(brand.get_by_role("link", name="Late Bird")).to_be_visible()
    await brand.screenshot(path=SCREENSHOTS / "cocreate-e2e-merged.png", full_page=True)

    await fan.goto(twin_path)
    await expect(fan).to_have_url(re.compile(rf"/e/{kept}\?merged="))
    assert problems.seen == [], problems.seen
