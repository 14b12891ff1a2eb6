"""A page and its JSON twin read the same read model, so they cannot disagree: the campaign
page and GET /campaigns/{c} on who may see a draft, a fundraiser's page and its progress on
the amount raised, a profile page and GET /users/{handle} on its badges and entries."""

from __future__ import annotations

import re
import uuid

from tests.browser import Browser, gallery_ids, new_client
from tests.people import Person, sign_up, wait_for

BADGE_LINK = re.compile(r'class="badge-card-image" href="/b/([a-z0-9]+)"')


async def _org(manager: Person, kind: str = "brand") -> str:
    org = await manager.post("/orgs", {"name": f"Brand {uuid.uuid4().hex[:6]}", "kind": kind,
                                       "color": "#ff5a36"})
    assert org.status_code == 201, org.text
    return org.json()["slug"]


async def _campaign(manager: Person, org: str, title: str, **fields: object) -> str:
    made = await manager.post(f"/orgs/{org}/campaigns", {
        "title": title, "kind": "idea", "description": "Tell us.", **fields})
    assert made.status_code == 201, made.text
    return made.json()["slug"]


async def test_a_draft_is_hidden_from_visitors_on_the_page_and_the_api_alike(
        app, client, make_client):
    manager = await sign_up(client, "Draft Manager")
    fan = await sign_up(make_client(), "Curious Fan")
    draft = await _campaign(manager, await _org(manager), "Secret launch", draft=True)

    async with new_client(app) as http:
        visitor = Browser(http)
        assert (await visitor.get(f"/c/{draft}")).status_code == 404
        assert (await http.get(f"/api/v1/campaigns/{draft}")).status_code == 404
        assert (await http.get(f"/api/v1/campaigns/{draft}/winners")).status_code == 404
    async with new_client(app) as http:
        signed_in_fan = await Browser(http).log_in(fan.email)
        assert (await signed_in_fan.get(f"/c/{draft}")).status_code == 404
    assert (await fan.get(f"/campaigns/{draft}")).status_code == 404

    async with new_client(app) as http:
        browser = await Browser(http).log_in(manager.email)
        page = await browser.get(f"/c/{draft}")
    assert page.status_code == 200
    assert "Secret launch" in page.text
    assert "A draft: only your team can see this page." in page.text
    shown = await manager.get(f"/campaigns/{draft}")
    assert shown.status_code == 200, shown.text
    assert shown.json()["title"] == "Secret launch" and shown.json()["phase"] == "draft"


async def test_a_fundraiser_page_and_its_progress_show_the_same_amount_raised(
        app, client, make_client):
    manager = await sign_up(client, "Kitchen Manager")
    donor = await sign_up(make_client(), "Generous Gina")
    made = await manager.post(f"/orgs/{await _org(manager, 'nonprofit')}/campaigns", {
        "title": "Soup for everyone", "kind": "fundraiser", "description": "Hot soup.",
        "goal": 100_000, "currency": "EUR", "sponsor_name": "Bakery",
        "match_percent": 100, "match_cap": 50_000})
    assert made.status_code == 201, made.text
    slug = made.json()["slug"]
    gift = await donor.post(f"/campaigns/{slug}/gifts", {"amount": 2500, "message": "Enjoy!"})
    assert gift.status_code == 201, gift.text
    assert (await manager.post(f"/gifts/{gift.json()['gift']['id']}/paid")).status_code == 200

    progress = (await donor.get(f"/campaigns/{slug}/progress")).json()
    assert progress["raised"] == 2500 and progress["total"] == 5000  # the sponsor matched it
    async with new_client(app) as http:
        page = (await Browser(http).get(f"/c/{slug}")).text
    assert f"<strong>{progress['total_display']}</strong> raised" in page
    assert f"of {progress['goal_display']} goal" in page
    supporters = (await donor.get(f"/campaigns/{slug}/supporters")).json()["supporters"]
    assert [s["name"] for s in supporters] == ["Generous Gina"]
    assert "<strong>Generous Gina</strong> gave €25" in page


async def test_a_profile_page_and_its_api_show_the_same_badges_and_entries(
        app, client, make_client):
    manager = await sign_up(client, "Profile Manager")
    author = await sign_up(make_client(), "Portfolio Pia")
    org = await _org(manager)
    open_campaign = await _campaign(manager, org, "Open ideas")
    reviewed = await _campaign(manager, org, "Reviewed ideas", moderation="pre")
    public = await author.post(f"/campaigns/{open_campaign}/entries", {"title": "Seen by all"})
    waiting = await author.post(f"/campaigns/{reviewed}/entries", {"title": "Not yet public"})
    assert public.status_code == 201 and waiting.status_code == 201, waiting.text
    assert waiting.json()["status"] == "pending"
    await wait_for(author, f"/users/{author.handle}/badges", lambda b: b["awards"])

    visitor_api = (await make_client().get(f"/api/v1/users/{author.handle}")).json()
    own_api = (await author.get(f"/users/{author.handle}")).json()
    async with new_client(app) as http:
        visitor_page = (await Browser(http).get(f"/u/{author.handle}")).text
    async with new_client(app) as http:
        own_page = (await (await Browser(http).log_in(author.email)).get(
            f"/u/{author.handle}")).text

    badges = (await author.get(f"/users/{author.handle}/badges")).json()["awards"]
    for shown_api, shown_page in ((visitor_api, visitor_page), (own_api, own_page)):
        assert [a["id"] for a in shown_api["awards"]] == BADGE_LINK.findall(shown_page)
        assert [a["id"] for a in shown_api["awards"]] == [a["id"] for a in badges]
        assert [e["id"] for e in shown_api["entries"]] == gallery_ids(shown_page)
    assert visitor_api["user"]["handle"] == author.handle
    assert visitor_api["user"]["display_name"] == "Portfolio Pia"

    # What moderation has not let out yet shows to its author only, marked as such
    assert [e["id"] for e in visitor_api["entries"]] == [public.json()["id"]]
    assert "Not yet public" not in visitor_page
    assert [e["status"] for e in own_api["entries"]] == ["pending", "published"]
    assert "Not yet public" in own_page and "pill-pending" in own_page
    # and so does what their share links brought
    assert visitor_api["reach_summary"] is None and "Your links brought" not in visitor_page
    assert own_api["reach_summary"].startswith("Your links brought")
    assert own_api["reach_summary"] in own_page

    assert (await make_client().get("/api/v1/users/nobody-here")).status_code == 404
