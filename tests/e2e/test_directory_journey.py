"""A visitor finds a campaign in the directory, on a desktop and on a phone: typing a word
and picking a kind narrow the results in place, the address follows each search (so Back and
a shared link work), and a search that finds nothing says what to widen; axe-core finds no
serious or critical violation on either."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Browser, ConsoleMessage, Page, expect

from tests.e2e.journeys import SCREENSHOTS, Problems
from tests.people import sign_up

SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
AXE = Path(__file__).resolve().parents[2] / "static" / "node_modules" / "axe-core" / "axe.min.js"


async def _serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    if not await page.evaluate("() => typeof window.axe !== 'undefined'"):
        await page.evaluate(AXE.read_text() + "\n;undefined")
    results = await page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']}" for v in results["violations"]
            if v["impact"] in ("serious", "critical")]


class DirectoryProblems(Problems):
    """Chromium asks for /favicon.ico when Back returns to a page whose address htmx pushed;
    the site's icon is /static/img/favicon.svg, so that one 404 is not the directory's."""

    def _console(self, message: ConsoleMessage) -> None:
        if not message.location.get("url", "").endswith("/favicon.ico"):
            super()._console(message)


async def test_a_visitor_narrows_the_directory_in_place(live_server: str,
                                                         chromium: Browser) -> None:
    word = f"zq{uuid.uuid4().hex[:8]}"
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Directory Maker")
        org = await manager.post("/orgs", {"name": f"Kite {word}", "kind": "brand",
                                           "color": "#0e7c66"})
        assert org.status_code == 201, org.text
        for kind, title in (("idea", f"Flavours {word}"), ("remix", f"Remix {word} spot"),
                            ("team", f"Team {word} build")):
            made = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
                "title": title, "kind": kind, "description": "Make it with us."})
            assert made.status_code == 201, made.text

    problems = DirectoryProblems()
    for size, (width, height) in SIZES.items():
        context = await chromium.new_context(base_url=live_server,
                                             viewport={"width": width, "height": height})
        context.set_default_timeout(10_000)
        page = problems.watch(await context.new_page())
        await page.goto("/")
        await page.get_by_role("link", name="Find a campaign").click()
        await expect(page).to_have_url(f"{live_server}/campaigns")
        results = page.locator("#directory-results .card-title")

        await page.get_by_label("Search").fill(word)  # no submit: the results follow the typing
        await expect(results).to_have_count(3)
        await expect(page).to_have_url(re.compile(rf"/campaigns\?q={word}"))
        await page.get_by_label("Kind").select_option("remix")
        await expect(results).to_have_text([f"Remix {word} spot"])
        await expect(page).to_have_url(re.compile(r"kind=remix"))
        await page.screenshot(path=SCREENSHOTS / f"directory-{size}.png", full_page=True)
        assert await _serious_violations(page) == [], size

        await page.get_by_label("Closing within 7 days").check()
        nothing = page.get_by_role("heading", name=re.compile("No campaigns match"))
        await expect(nothing).to_be_visible()
        await page.screenshot(path=SCREENSHOTS / f"directory-empty-{size}.png", full_page=True)
        assert await _serious_violations(page) == [], size
        await page.get_by_role("link", name="Closing any time").click()
        await expect(results).to_have_text([f"Remix {word} spot"])

        await page.go_back()  # the address of each search is in the history
        await expect(page).to_have_url(re.compile(r"closing_soon=true"))
        await context.close()
    assert problems.seen == [], "\n".join(problems.seen)
