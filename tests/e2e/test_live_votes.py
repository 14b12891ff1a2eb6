"""Two fans vote for the same idea at once, one on the campaign's gallery and one on the idea's
page: each sees the other's vote arrive live, and a live update changes only the number, never
the controls, so each can still take their vote back."""

from __future__ import annotations

import httpx
from playwright.async_api import Browser, Page, expect

from tests.e2e.journeys import Problems, logged_in
from tests.people import launch_campaign, sign_up


def vote_button(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("button", name="Vote for Refill stations")


async def test_two_fans_vote_and_undo_and_both_keep_their_buttons(
        live_server: str, chromium: Browser) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Mona Manager")
        campaign = await launch_campaign(manager, "Less packaging")
        author = await sign_up(api, "Proud Author")
        ana, ben = await sign_up(api, "Ana Gallery"), await sign_up(api, "Ben Entry")
        created = await author.post(f"/campaigns/{campaign['slug']}/entries",
                                    {"title": "Refill stations"})
    problems = Problems()
    gallery = await logged_in(chromium, live_server, problems, ana.email)
    await gallery.goto(f"/c/{campaign['slug']}")
    entry = await logged_in(chromium, live_server, problems, ben.email)
    await entry.goto(f"/e/{created.json()['id']}")
    for page in (gallery, entry):  # each live stream is open before anyone votes
        await expect(page.locator(".watching")).to_contain_text("watching now")

    await vote_button(gallery).click()
    await expect(vote_button(gallery)).to_have_attribute("aria-pressed", "true")
    await expect(vote_button(entry)).to_contain_text("1")  # Ana's vote, live
    await expect(vote_button(entry)).to_have_attribute("aria-pressed", "false")

    await vote_button(entry).click()
    await expect(vote_button(entry)).to_have_attribute("aria-pressed", "true")
    await expect(vote_button(entry)).to_contain_text("2")
    await expect(vote_button(gallery)).to_contain_text("2")  # Ben's vote, live
    await expect(vote_button(gallery)).to_have_attribute("aria-pressed", "true")

    await vote_button(gallery).click()  # Ana takes hers back
    await expect(vote_button(gallery)).to_have_attribute("aria-pressed", "false")
    await expect(vote_button(gallery)).to_contain_text("1")
    await expect(vote_button(entry)).to_contain_text("1")
    await expect(vote_button(entry)).to_have_attribute("aria-pressed", "true")
    assert problems.seen == [], problems.seen
