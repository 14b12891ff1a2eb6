"""A fan who uses only the keyboard, in headless Chromium against a real `cocreate serve`: signs
up, votes for an idea, comments on it and gives to a fundraiser with Tab, Shift+Tab, Enter,
Space and the arrow keys, never a click; every control they land on shows where the focus is."""

from __future__ import annotations

import uuid

import httpx
from playwright.async_api import Browser, Locator, Page, expect

from tests.e2e.journeys import Problems
from tests.integration.test_fundraisers import launch_fundraiser
from tests.people import PASSWORD, launch_campaign, sign_up

# Whether focus shows on the element (or its label): its outline or box shadow is there and
# differs from an unfocused twin's, so a button's resting shadow does not count as a ring.
FOCUS_SHOWN = """el => {
  const look = node => {
    const s = getComputedStyle(node);
    const drawn = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return {outline: drawn ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none',
            shadow: s.boxShadow};
  };
  const shows = node => {
    const twin = node.cloneNode(true);
    for (const n of [twin, ...twin.querySelectorAll('[id], [name]')]) {
      n.removeAttribute('id');
      n.removeAttribute('name');
    }
    node.after(twin);
    const focused = look(node), resting = look(twin);
    twin.remove();
    return (focused.outline !== 'none' && focused.outline !== resting.outline)
      || (focused.shadow !== 'none' && focused.shadow !== resting.shadow);
  };
  const label = el.closest('label');
  return shows(el) || (label !== null && shows(label));
}"""


async def tab_to(page: Page, target: Locator, key: str = "Tab", limit: int = 60) -> None:
    """Press `key` until `target` (or one of its elements) has the focus, then check the
    focus can be seen there: an outline or a box shadow that only focus gives, on it or on
    its label."""
    for _ in range(limit):
        await page.keyboard.press(key)
        if await target.evaluate_all("els => els.includes(document.activeElement)"):
            break
    else:
        raise AssertionError(f"{limit} presses of {key} never reached {target}")
    shown = await page.evaluate(f"() => ({FOCUS_SHOWN})(document.activeElement)")
    assert shown, f"no visible focus indicator on {target}"


async def test_a_fan_signs_up_votes_comments_and_gives_with_the_keyboard_alone(
    live_server: str, chromium: Browser
) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        manager = await sign_up(api, "Maya Manager")
        campaign = await launch_campaign(manager, "Cleaner parks")
        author = await sign_up(api, "Ola Author")
        entry = await author.post(f"/campaigns/{campaign['slug']}/entries",
                                  {"title": "Refill stations"})
        assert entry.status_code == 201, entry.text
        fundraiser = await launch_fundraiser(manager)
    entry_path = f"/e/{entry.json()['id']}"
    problems = Problems()
    context = await chromium.new_context(base_url=live_server,
                                         viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = problems.watch(await context.new_page())

    # On the campaign's page, the fan tabs to "Create an account" and signs up.
    campaign_path = f"/c/{campaign['slug']}"
    await page.goto(campaign_path)
    await tab_to(page, page.get_by_role("link", name="Create an account").first)
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/signup**")
    await tab_to(page, page.get_by_label("Your name"))
    await page.keyboard.type("Kim Keys")
    await tab_to(page, page.get_by_label("Email"))
    await page.keyboard.type(f"{uuid.uuid4().hex[:10]}@example.test")
    await tab_to(page, page.get_by_label("Password"))
    await page.keyboard.type(PASSWORD)
    await tab_to(page, page.get_by_role("button", name="Create my account"))
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(f"{live_server}{campaign_path}")
    await expect(page.get_by_role("link", name="Kim Keys")).to_be_visible()

    # Opens the idea from the gallery with Enter.
    await tab_to(page, page.locator(f'a.card-link[href="{entry_path}"]'))
    await page.keyboard.press("Enter")
    await expect(page).to_have_url(f"{live_server}{entry_path}")

    # Votes with Space.
    vote = page.get_by_role("button", name="Vote for Refill stations")
    await tab_to(page, vote)
    await page.keyboard.press("Space")
    await expect(vote).to_have_attribute("aria-pressed", "true")

    # Comments: writes, goes past the button, comes back with Shift+Tab and presses Enter.
    box = page.get_by_label("Add to the conversation")
    await tab_to(page, box)
    await page.keyboard.type("Refill stations by every playground, please.")
    send = page.get_by_role("button", name="Comment", exact=True)
    await tab_to(page, send)
    await page.keyboard.press("Tab")
    await tab_to(page, send, key="Shift+Tab")
    await page.keyboard.press("Enter")
    await expect(page.locator("#comment-list")).to_contain_text(
        "Refill stations by every playground, please.")

    # Gives €25 with a message: picks the amount with the arrow keys, sends with Enter.
    await page.goto(f"/c/{fundraiser['slug']}")
    give = page.locator("#give")
    message = give.get_by_label("A message of support (optional)")
    await tab_to(page, message)
    await page.keyboard.type("For the winter meals.")
    amounts = give.locator("input[name=amount]")
    await tab_to(page, amounts, key="Shift+Tab")  # back to the amounts, on €10 or €50
    await page.keyboard.press("Space")
    focused = await page.evaluate("() => document.activeElement.value")
    await page.keyboard.press("ArrowRight" if focused == "10" else "ArrowLeft")
    await expect(give.get_by_label("€25")).to_be_checked()
    await tab_to(page, give.get_by_role("button", name="Give"))
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("Your pledge of €25 is recorded")).to_be_visible()
    assert problems.seen == []
