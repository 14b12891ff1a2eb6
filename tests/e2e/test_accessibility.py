"""Every page type passes axe-core (pinned in static/package.json) with no serious or critical
violation, on a desktop (1366×900) and a phone (390×844), in headless Chromium against a real
`cocreate serve`. A visitor, a fan and a manager each see their pages; a screenshot of every
page at both sizes is saved under test-results/screenshots/ to be looked at."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.async_api import Browser, Page

from tests.integration.test_fundraisers import launch_fundraiser
from tests.people import PASSWORD, Person, launch_campaign, sign_up

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "static" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-results" / "screenshots"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
BLOCKING = {"serious", "critical"}
# axe leaves some checks to review ("incomplete"). Those count too, but for colour contrast
# over gradients and images, which it cannot measure (the screenshots are looked at instead).
UNMEASURABLE = {"color-contrast"}


async def _campaign(manager: Person, org: str, kind: str, title: str,
                    **fields: Any) -> dict[str, Any]:
    created = await manager.post(f"/orgs/{org}/campaigns", {
        "title": title, "kind": kind, "description": "Show us **what you make**.", **fields})
    assert created.status_code == 201, created.text
    return created.json()


async def _scene(api: httpx.AsyncClient) -> tuple[dict[str, str], dict[str, str],
                                                   Person, Person]:
    """A brand with an idea, a remix and a team campaign, a non-profit's fundraiser, and a fan
    who has an idea with a vote and a comment, a fundraising page and a badge. Returns the
    fan's pages, the manager's pages, and the two people."""
    manager = await sign_up(api, "Maya Manager")
    fan = await sign_up(api, "Hana Fan")
    idea = await launch_campaign(manager, "Next big flavour")
    org = idea["org"]["slug"]
    remix = await _campaign(manager, org, "remix", "Remix our poster")
    team = await _campaign(manager, org, "team", "Build it together",
                           team_min_size=2, team_max_size=4)
    fundraiser = await launch_fundraiser(manager)

    entry = await fan.post(f"/campaigns/{idea['slug']}/entries",
                           {"title": "Salted caramel popcorn", "body": "Sweet and **salty**."})
    assert entry.status_code == 201, entry.text
    entry_id = entry.json()["id"]
    assert (await manager.put(f"/entries/{entry_id}/vote")).status_code in (200, 201)
    comment = await manager.post(f"/entries/{entry_id}/comments",
                                 {"body": "We love this one, @" + fan.handle})
    assert comment.status_code == 201, comment.text
    assert (await fan.put(f"/campaigns/{idea['slug']}/follow")).status_code in (200, 201, 204)
    page = await fan.post(f"/campaigns/{fundraiser['slug']}/pages",
                          {"goal": 20_000, "title": "Hana cooks for neighbours",
                           "story": "Every **meal** counts."})
    assert page.status_code == 201, page.text
    badge = await manager.post(f"/orgs/{org}/badges", {
        "name": "Sharp eye", "description": "Spotted what everyone else missed."})
    assert badge.status_code == 201, badge.text
    award = await manager.post(f"/orgs/{org}/badges/{badge.json()['id']}/awards", {
        "handle": fan.handle, "campaign": idea["slug"], "note": "Thanks, Hana!"})
    assert award.status_code == 201, award.text

    fan_pages = {
        "idea-campaign": f"/c/{idea['slug']}",
        "remix-campaign": f"/c/{remix['slug']}",
        "team-campaign": f"/c/{team['slug']}",
        "fundraiser": f"/c/{fundraiser['slug']}",
        "entry": f"/e/{entry_id}",
        "fundraising-page": urlsplit(page.json()["url"]).path,
        "profile": f"/u/{fan.handle}",
        "badge": f"/b/{award.json()['id']}",
        "notifications": "/notifications",
        "feed": "/feed",
        "api-tokens": "/me/tokens",
    }
    manager_pages = {
        "organization": f"/o/{org}",
        "campaign-manage": f"/c/{idea['slug']}/manage",
        "moderation-queue": f"/c/{idea['slug']}/moderation",
        "power-users": f"/o/{org}/people",
        "thank-you-inbox": f"/o/{org}/inbox",
    }
    return fan_pages, manager_pages, fan, manager


async def _log_in(page: Page, email: str) -> None:
    await page.context.clear_cookies()
    await page.goto("/login")
    await page.get_by_label("Email").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()
    await page.wait_for_url(lambda url: "/login" not in url)


def _describe(violation: dict[str, Any]) -> str:
    targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
    return (f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}×): "
            f"{violation['help']} at {targets}")


async def _check(page: Page, path: str, name: str, size: str, found: list[str]) -> None:
    """Open `path`, run axe (injected by the context), keep its serious and critical
    violations and checks left to review and, on a phone, a page wider than the screen;
    save a screenshot."""
    await page.goto(path)
    # Colours are measured once they settle: mid fade-in, a notice is paler than it will be
    # (spinners turn for ever and are not waited for).
    await page.evaluate("""() => Promise.all(document.getAnimations()
        .filter(a => a.effect.getComputedTiming().iterations !== Infinity)
        .map(a => a.finished.catch(() => null)))""")
    results = await page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations', 'incomplete']})")
    assert results["passes"], f"axe checked nothing on {path}"
    to_review = [v for v in results["incomplete"] if v["id"] not in UNMEASURABLE]
    for violation in results["violations"] + to_review:
        if violation["impact"] in BLOCKING:
            found.append(f"{name} [{size}] {path}: {_describe(violation)}")
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    if width > page.viewport_size["width"]:
        found.append(f"{name} [{size}] {path}: the page is {width}px wide, it scrolls sideways")
    await page.screenshot(path=SCREENSHOTS / f"{name}-{size}.png", full_page=True)


@pytest.mark.slow
async def test_every_page_type_has_no_serious_accessibility_violation_on_desktop_and_phone(
    live_server: str, chromium: Browser
) -> None:
    assert AXE.exists(), "axe-core is missing: run scripts/build-static"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    async with httpx.AsyncClient(base_url=live_server) as api:
        fan_pages, manager_pages, fan, manager = await _scene(api)
    visitor_pages = {"home": "/", "campaign-directory": "/campaigns", "sign-up": "/signup",
                     "log-in": "/login", "not-found": f"/no-such-page-{uuid.uuid4().hex[:6]}"}

    found: list[str] = []
    for size, (width, height) in SIZES.items():
        context = await chromium.new_context(base_url=live_server,
                                             viewport={"width": width, "height": height})
        context.set_default_timeout(15_000)
        await context.add_init_script(path=AXE)  # not an inline script: the CSP stays on
        page = await context.new_page()
        for name, path in visitor_pages.items():
            await _check(page, path, name, size, found)
        await _log_in(page, fan.email)
        for name, path in fan_pages.items():
            await _check(page, path, name, size, found)
        await _log_in(page, manager.email)
        for name, path in manager_pages.items():
            await _check(page, path, name, size, found)
        await context.close()
    assert found == [], "serious or critical accessibility violations:\n" + "\n".join(found)
