"""A fan who scripts against the API manages their tokens in headless Chromium: from their
profile to the API tokens page, a named token made and its secret shown once in place, its
use by a script seen on the page, then revoked, after which the script is told so."""

from __future__ import annotations

import httpx
from playwright.async_api import Browser, Dialog, expect

from tests.e2e.journeys import Problems, logged_in
from tests.people import sign_up


async def test_a_fan_makes_a_token_sees_its_use_and_revokes_it(live_server: str,
                                                               chromium: Browser) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        fan = await sign_up(api, "Tess Script")
        problems = Problems()
        page = await logged_in(chromium, live_server, problems, fan.email)
        page.on("dialog", _accept)
        await page.goto(f"/u/{fan.handle}")
        await page.get_by_role("link", name="API tokens").click()
        await expect(page.get_by_role("heading", name="API tokens")).to_be_visible()

        await page.get_by_label("What is it for?").fill("weekly report")
        await page.evaluate("() => { window.stillTheSamePage = true; }")
        await page.get_by_role("button", name="Make a token").click()
        secret_field = page.get_by_label("Your new token")
        await expect(secret_field).to_be_visible()
        assert await page.evaluate("() => window.stillTheSamePage === true")  # swapped in place
        secret = await secret_field.input_value()
        script = {"Authorization": f"Bearer {secret}"}
        assert (await api.get("/api/v1/me", headers=script)).status_code == 200

        await page.reload()  # the secret is gone; the token's use is listed
        await expect(page.get_by_label("Your new token")).to_have_count(0)
        row = page.locator("tr", has_text="weekly report")
        await expect(row).not_to_contain_text("Never")
        await row.get_by_role("button", name="Revoke").click()
        await expect(page.get_by_text("Token revoked")).to_be_visible()
        await expect(page.locator("tr", has_text="weekly report")).to_have_count(0)

        refused = await api.get("/api/v1/me", headers=script)
        assert refused.status_code == 401 and "revoked" in refused.json()["error"]["message"]
    assert problems.seen == []


async def _accept(dialog: Dialog) -> None:
    """hx-confirm asks before revoking; the fan says yes."""
    await dialog.accept()
