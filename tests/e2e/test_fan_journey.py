"""A fan's journey in headless Chromium against a real `cocreate serve` process, with the
worker, PostgreSQL, Redis and S3 (moto): sign up, share an idea with an image uploaded
straight to S3, get a vote in place, and open the badge page once its card is drawn."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from playwright.async_api import Browser, expect

from tests.e2e.journeys import SCREENSHOTS, SLOW, Problems, new_fan
from tests.people import launch_campaign, png_bytes, sign_up


async def test_a_fan_shares_an_idea_with_an_image_gets_a_vote_and_shares_the_badge(
    live_server: str, chromium: Browser, tmp_path: Path
) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Maya Manager")
        campaign = await launch_campaign(manager, "Flavour of the summer")
    campaign_path = f"/c/{campaign['slug']}"
    problems = Problems()

    # A fan signs up from the campaign page and lands back on it.
    fan = await new_fan(chromium, live_server, problems, "Zoë Fan", campaign_path)
    await expect(fan.get_by_role("heading", name="Share your idea")).to_be_visible()

    # Sending it without a title brings the form back in place, the field named and focused.
    await fan.get_by_label("Describe it").fill("Ice-cold and *barely* sweet.")
    await fan.get_by_role("button", name="Submit your idea").click()
    await expect(fan.get_by_text("Title needs at least 3 characters.")).to_be_visible()
    await expect(fan.get_by_label("Title")).to_be_focused()
    await expect(fan.get_by_label("Title")).to_have_attribute("aria-invalid", "true")
    await expect(fan.get_by_label("Describe it")).to_have_value("Ice-cold and *barely* sweet.")
    await expect(fan).to_have_url(f"{live_server}{campaign_path}")

    # They type a title and attach an image: preview, progress, then "Image ready".
    picture = tmp_path / "cucumber.png"
    picture.write_bytes(png_bytes((900, 700), "#2bb673"))
    await fan.get_by_label("Title").fill("Cucumber & mint cooler")
    submit = fan.get_by_role("button", name="Submit your idea")
    await fan.get_by_label("Add an image").set_input_files(picture)
    await expect(fan.locator("[data-upload-preview] img")).to_be_visible()
    status = fan.locator("[data-upload-status]")
    await expect(status).to_have_text("Image ready", timeout=SLOW)
    await expect(fan.locator('input[name="media_id"]')).to_have_value(re.compile(r"^[a-z0-9]+$"))
    await expect(submit).to_be_enabled()
    await fan.screenshot(path=SCREENSHOTS / "cocreate-e2e-1-idea-form.png", full_page=True)

    await submit.click()
    await expect(fan).to_have_url(re.compile(r"/e/[a-z0-9]+$"))
    entry_url = fan.url
    await expect(fan.get_by_role("heading", name="Cucumber & mint cooler")).to_be_visible()
    await expect(fan.locator(".entry-image img")).to_have_js_property("naturalWidth", 900)
    await expect(fan.locator(".entry-body em")).to_have_text("barely")

    # A second fan votes: the count changes in place, without a page load.
    voter = await new_fan(chromium, live_server, problems, "Vic Voter", campaign_path)
    await voter.locator("ul.gallery").get_by_role("link", name="Cucumber & mint cooler").click()
    await expect(voter).to_have_url(entry_url)
    await voter.evaluate("() => { window.stillTheSamePage = true; }")
    vote = voter.locator(".entry-actions .vote-button")
    await expect(vote).to_have_attribute("aria-pressed", "false")
    await vote.click()
    await expect(vote).to_have_attribute("aria-pressed", "true")
    await expect(vote.locator(".vote-count")).to_have_text("1 vote")
    await expect(vote).to_be_focused()  # the swapped-in button keeps keyboard focus
    assert await voter.evaluate("() => window.stillTheSamePage === true")
    await voter.screenshot(path=SCREENSHOTS / "cocreate-e2e-2-voted.png", full_page=True)

    # The first fan opens their badge page and sees the finished 1200×630 card.
    await fan.reload()
    await expect(fan.locator(".entry-actions .vote-count")).to_have_text("1 vote")
    await fan.get_by_role("link", name="See and share your badge").click()
    await expect(fan).to_have_url(re.compile(r"/b/[a-z0-9]+$"))
    org_name = campaign["org"]["name"]
    await expect(fan.get_by_role("heading", level=1)).to_have_text(
        f"Zoë Fan earned the Contributor badge in Flavour of the summer by {org_name}"
    )
    card = fan.locator("img[data-share-card]")
    await expect(card).to_have_js_property("naturalWidth", 1200, timeout=SLOW)
    await expect(card).to_have_js_property("naturalHeight", 630)
    await expect(fan.get_by_role("link", name="Download image")).to_be_visible()
    await expect(fan.get_by_role("button", name="Copy link")).to_be_visible()
    await fan.screenshot(path=SCREENSHOTS / "cocreate-e2e-3-badge.png", full_page=True)

    assert problems.seen == []
