"""A fundraiser takes gifts, not entries: nothing about entries (the entry form, the gallery,
similar ideas, tags, what fans ask for, the moderation queue, held votes, the jury, the thank-you
inbox) is offered for it, and those addresses answer with a clear 4xx instead of an empty page."""

from __future__ import annotations

from tests.browser import Browser, new_client
from tests.integration.test_fundraisers import launch_fundraiser
from tests.people import sign_up

ENTRY_PAGES = ("/tags", "/listening", "/similar", "/moderation", "/votes/held", "/jury",
               "/entries")
SAYS_WHY = "is a fundraiser: it takes gifts, not entries"


async def test_a_fundraiser_offers_no_entry_pages_and_their_addresses_say_why(app, client):
    manager = await sign_up(client, "Fundraising lead")
    fundraiser = await launch_fundraiser(manager)
    slug, org = fundraiser["slug"], fundraiser["org"]["slug"]

    for path in ("listening", "listening/entries?term=soup", "tags", "similar?q=hot soup",
                 "moderation", "entries", "leaderboard", "held-votes", "jury"):
        answer = await manager.get(f"/campaigns/{slug}/{path}")
        assert answer.status_code == 409, (path, answer.text)
        assert SAYS_WHY in answer.json()["error"]["message"], path
    assert (await manager.post(f"/campaigns/{slug}/tags", {"name": "Soup"})).status_code == 409
    submitted = await manager.post(f"/campaigns/{slug}/entries", {"title": "My soup idea"})
    assert submitted.status_code == 403 and "gifts, not entries" in submitted.text

    async with new_client(app) as http:
        browser = await Browser(http).log_in(manager.email)
        manage = (await browser.get(f"/c/{slug}/manage")).text
        public = (await browser.get(f"/c/{slug}")).text
        for page in (manage, public):
            for entry_page in ENTRY_PAGES:
                assert f'href="/c/{slug}{entry_page}' not in page, entry_page
                assert f'action="/c/{slug}{entry_page}' not in page, entry_page
        assert "Check for similar ideas" not in public and f"/c/{slug}/gifts" in manage
        assert "/inbox" not in (await browser.get(f"/o/{org}")).text

        for path in ("/listening", "/listening/entries?term=soup", "/tags", "/moderation",
                     "/votes/held", "/jury", "/similar?title=hot+soup"):
            answer = await browser.get(f"/c/{slug}{path}")
            assert answer.status_code == 409 and SAYS_WHY in answer.text, path
        for path, form in (("/similar", {"title": "Hot soup"}), ("/tags", {"name": "Soup"})):
            answer = await browser.post(f"/c/{slug}{path}", form)
            assert answer.status_code == 409 and SAYS_WHY in answer.text, path
        entry_form = await browser.post(f"/c/{slug}/entries", {"title": "My soup idea"})
        assert entry_form.status_code == 409 and SAYS_WHY in entry_form.text
        inbox = await browser.get(f"/o/{org}/inbox", params={"campaign": slug, "power": "1"})
        assert inbox.status_code == 409 and SAYS_WHY in inbox.text

        # Once the organization also runs an idea campaign, the inbox is offered for that one
        ideas = await manager.post(f"/orgs/{org}/campaigns", {
            "title": "Recipes from you", "kind": "idea", "description": "Your best soup."})
        assert ideas.status_code == 201, ideas.text
        assert f'href="/o/{org}/inbox"' in (await browser.get(f"/o/{org}")).text
        listed = (await browser.get(f"/o/{org}/inbox")).text
        assert f'value="{ideas.json()["slug"]}"' in listed and f'value="{slug}"' not in listed
        assert (await browser.get(f"/c/{ideas.json()['slug']}/tags")).status_code == 200
