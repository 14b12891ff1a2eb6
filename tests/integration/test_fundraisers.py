"""A non-profit raises money: a manager launches a fundraiser with a goal and a sponsor's
match, fans pledge (the offline provider), the manager marks pledges paid, cancels or
refunds them, and the totals always equal the gifts that succeeded."""

from __future__ import annotations

import asyncio
import re
import uuid
from email.message import EmailMessage
from typing import Any

from cocreate.models import Campaign, Fundraiser, Gift, Job
from cocreate.services.operations.reconcile import find_differences
from cocreate.web.live import as_event
from tests.browser import Browser, meta_tags, new_client
from tests.people import PASSWORD, Person, sign_up


async def launch_fundraiser(manager: Person, **fields: Any) -> dict[str, Any]:
    """A non-profit and its open fundraiser: €5,000 by default, no sponsor."""
    org = await manager.post("/orgs", {"name": f"Kitchen {uuid.uuid4().hex[:6]}",
                                       "kind": "nonprofit", "color": "#0e7c66"})
    assert org.status_code == 201, org.text
    campaign = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": "Hot meals all winter", "kind": "fundraiser",
        "description": "Every evening we cook for **120 neighbours**.",
        "goal": 500_000, "currency": "EUR", "suggested_amounts": [1000, 2500, 5000], **fields,
    })
    assert campaign.status_code == 201, campaign.text
    return campaign.json()


async def pledge(fan: Person, slug: str, amount: int, **fields: Any) -> dict[str, Any]:
    response = await fan.post(f"/campaigns/{slug}/gifts", {"amount": amount, **fields})
    assert response.status_code == 201, response.text
    return response.json()["gift"]


async def progress(person: Person, slug: str) -> dict[str, Any]:
    response = await person.get(f"/campaigns/{slug}/progress")
    assert response.status_code == 200, response.text
    return response.json()


def receipts_to(smtp_server, address: str) -> list[EmailMessage]:  # type: ignore[no-untyped-def]
    return [m for m in smtp_server.to(address) if m["Subject"].startswith("Your receipt")]


async def wait_for_receipts(smtp_server, address: str, count: int) -> list[EmailMessage]:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if len(found := receipts_to(smtp_server, address)) >= count:
            return found
        await asyncio.sleep(0.1)
    raise AssertionError(f"fewer than {count} receipts to {address}")


async def assert_totals_equal_the_ledger() -> None:
    assert [d for d in await find_differences() if d.counter.startswith("fundraisers.")] == []


async def test_a_launch_with_bad_money_fields_names_each_one_and_creates_nothing(client):
    manager = await sign_up(client, "Kitchen manager")
    org = (await manager.post("/orgs", {"name": f"Kitchen {uuid.uuid4().hex[:6]}",
                                        "kind": "nonprofit"})).json()
    refused = await manager.post(f"/orgs/{org['slug']}/campaigns", {
        "title": "Broken fundraiser", "kind": "fundraiser", "description": "Story",
        "goal": 0, "currency": "XXX", "suggested_amounts": [5000, 1000], "match_cap": -1,
        "voting_ends_at": "2031-01-01T00:00:00Z",
    })
    assert refused.status_code == 422, refused.text
    assert set(refused.json()["error"]["fields"]) == {
        "goal", "currency", "suggested_amounts", "match_cap", "voting_ends_at"}
    assert not await Campaign.exists(title="Broken fundraiser")
    no_sponsor = await manager.post(f"/orgs/{org['slug']}/campaigns", {
        "title": "Broken fundraiser", "kind": "fundraiser", "description": "Story",
        "goal": 1000, "currency": "eur", "match_cap": 500,
    })
    assert set(no_sponsor.json()["error"]["fields"]) == {"sponsor_name"}


async def test_fans_pledge_and_the_manager_marks_paid_cancels_and_refunds(
        client, make_client, smtp_server):
    manager = await sign_up(client, "Kitchen manager")
    campaign = await launch_fundraiser(manager, sponsor_name="Fizzwell", match_cap=100_000)
    slug = campaign["slug"]
    assert campaign["phase_label"] == "Open for gifts"
    assert campaign["fundraiser"]["goal_display"] == "€5,000"
    ana, ben = await sign_up(make_client(), "Ana Giver"), await sign_up(make_client(), "Ben")

    too_small = await ana.post(f"/campaigns/{slug}/gifts", {"amount": 50})
    assert too_small.status_code == 422 and "amount" in too_small.json()["error"]["fields"]
    gift = await pledge(ana, slug, 2500, message="Keep the soup coming!")
    assert gift["status"] == "pending" and gift["status_label"] == "pledged"
    other = await pledge(ben, slug, 1000)
    assert (await progress(ana, slug))["raised"] == 0  # a pledge counts once it is paid

    assert (await ana.post(f"/gifts/{gift['id']}/paid")).status_code == 403
    paid = await manager.post(f"/gifts/{gift['id']}/paid")
    assert paid.status_code == 200, paid.text
    assert paid.json()["status"] == "succeeded" and paid.json()["matched_amount"] == 2500
    assert (await manager.post(f"/gifts/{gift['id']}/paid")).status_code == 409
    now = await progress(ben, slug)
    assert (now["raised"], now["matched"], now["total"], now["gift_count"], now["percent"]) == (
        2500, 2500, 5000, 1, 1)
    assert (await manager.post(f"/gifts/{other['id']}/cancel")).json()["status"] == "failed"
    assert (await manager.post(f"/gifts/{other['id']}/refund")).status_code == 409

    [receipt] = await wait_for_receipts(smtp_server, ana.email, 1)
    text = receipt.get_body(("plain",)).get_content()
    assert "€25" in text and "Hot meals all winter" in text and gift["id"] in text
    assert "Kitchen" in text  # the organization

    refunded = await manager.post(f"/gifts/{gift['id']}/refund")
    assert refunded.json()["status"] == "refunded"
    after = await progress(ana, slug)
    assert (after["raised"], after["matched"], after["gift_count"]) == (0, 0, 0)
    await assert_totals_equal_the_ledger()
    await asyncio.sleep(0.5)
    assert len(receipts_to(smtp_server, ana.email)) == 1  # once per gift


async def test_the_sponsor_matches_until_the_cap_and_a_refund_frees_its_share(
        client, make_client):
    manager = await sign_up(client, "Match manager")
    campaign = await launch_fundraiser(manager, sponsor_name="Fizzwell", match_cap=3000)
    slug = campaign["slug"]
    fan = await sign_up(make_client(), "Matcher")
    matched = []
    for amount in (2000, 2000, 500):
        gift = await pledge(fan, slug, amount)
        matched.append((await manager.post(f"/gifts/{gift['id']}/paid")).json())
    assert [g["matched_amount"] for g in matched] == [2000, 1000, 0]
    assert (await progress(fan, slug))["matched"] == 3000
    await manager.post(f"/gifts/{matched[0]['id']}/refund")
    assert (await progress(fan, slug))["match_left"] == 2000
    later = await pledge(fan, slug, 5000)
    assert (await manager.post(f"/gifts/{later['id']}/paid")).json()["matched_amount"] == 2000
    await assert_totals_equal_the_ledger()


async def test_gifts_marked_paid_at_once_keep_the_totals_equal_to_the_ledger(
        client, make_client):
    manager = await sign_up(client, "Busy manager")
    campaign = await launch_fundraiser(manager, sponsor_name="Fizzwell", match_cap=7000,
                                       match_percent=200)
    slug = campaign["slug"]
    fans = await asyncio.gather(*(sign_up(make_client(), f"Giver {n}") for n in range(6)))
    pledged = [await pledge(fan, slug, 1000 + n * 100) for n, fan in enumerate(fans * 2)]
    results = await asyncio.gather(*(manager.post(f"/gifts/{g['id']}/paid") for g in pledged))
    assert all(r.status_code == 200 for r in results)
    stored = await Fundraiser.get(campaign__slug=slug)
    gifts = await Gift.filter(campaign__slug=slug, status="succeeded")
    assert stored.raised == sum(g.amount for g in gifts) == sum(g["amount"] for g in pledged)
    assert stored.gift_count == 12
    assert stored.matched == sum(g.matched_amount for g in gifts) == 7000  # 2:1, capped
    await assert_totals_equal_the_ledger()


async def test_an_anonymous_gift_never_shows_its_donor_in_public(app, client, make_client):
    manager = await sign_up(client, "Privacy manager")
    campaign = await launch_fundraiser(manager)
    slug = campaign["slug"]
    secret = f"Quiet Donor {uuid.uuid4().hex[:6]}"
    shy, proud = await sign_up(make_client(), secret), await sign_up(make_client(), "Loud Fan")
    for fan, anonymous in ((shy, True), (proud, False)):
        gift = await pledge(fan, slug, 5000, anonymous=anonymous, message="Go team")
        await manager.post(f"/gifts/{gift['id']}/paid")

    supporters = (await client.get(f"/api/v1/campaigns/{slug}/supporters")).json()["supporters"]
    assert sorted(s["name"] for s in supporters) == ["Anonymous", "Loud Fan"]
    assert next(s for s in supporters if s["name"] == "Anonymous")["user"] is None
    public = [await client.get(path) for path in (
        f"/c/{slug}", f"/api/v1/campaigns/{slug}/supporters", f"/api/v1/campaigns/{slug}",
        f"/api/v1/campaigns/{slug}/progress", "/api/v1/campaigns")]
    for response in public:
        assert response.status_code == 200
        assert secret not in response.text and shy.handle not in response.text
    page = public[0].text
    assert "Anonymous" in page and "Loud Fan" in page
    assert secret not in " ".join(meta_tags(page).values())
    async with new_client(app) as http:  # a signed-in fan sees no more than a visitor
        browser = Browser(http)
        await browser.sign_up("Curious")
        assert secret not in (await browser.get(f"/c/{slug}")).text

    book = (await manager.get(f"/campaigns/{slug}/gifts")).json()["gifts"]
    known = next(g for g in book if g["anonymous"])
    assert known["donor"]["display_name"] == secret  # the organization knows
    assert (await shy.get(f"/gifts/{known['id']}")).json()["donor"]["display_name"] == secret
    assert (await proud.get(f"/gifts/{known['id']}")).status_code == 404


async def test_a_fundraiser_takes_gifts_only_while_open_and_has_no_voting(client, make_client):
    manager = await sign_up(client, "Phase manager")
    campaign = await launch_fundraiser(manager)
    slug = campaign["slug"]
    fan = await sign_up(make_client(), "Late fan")
    voting = await manager.post(f"/campaigns/{slug}/phase", {"phase": "voting"})
    assert voting.status_code == 422
    closed = await manager.post(f"/campaigns/{slug}/phase", {"phase": "closed"})
    assert closed.status_code == 200 and closed.json()["phase_label"] == "Closed"
    late = await fan.post(f"/campaigns/{slug}/gifts", {"amount": 1000})
    assert late.status_code == 403
    assert (await fan.post(f"/campaigns/{slug}/entries", {"title": "An idea"})
            ).status_code == 403
    assert (await progress(fan, slug))["takes_gifts"] is False


async def test_a_manager_changes_the_goal_but_not_the_currency_once_people_gave(
        client, make_client):
    manager = await sign_up(client, "Goal manager")
    slug = (await launch_fundraiser(manager))["slug"]
    raised = await manager.patch(f"/campaigns/{slug}", {"goal": 1_000_000,
                                                        "suggested_amounts": [500]})
    assert raised.status_code == 200, raised.text
    assert raised.json()["fundraiser"]["goal"] == 1_000_000
    assert raised.json()["fundraiser"]["suggested_amounts"] == [500]
    await pledge(await sign_up(make_client(), "Early fan"), slug, 500)
    refused = await manager.patch(f"/campaigns/{slug}", {"currency": "USD"})
    assert refused.status_code == 422 and "currency" in refused.json()["error"]["fields"]
    assert (await progress(manager, slug))["currency"] == "EUR"


async def test_giving_in_the_browser(app, client):
    manager = await sign_up(client, "Form manager")
    async with new_client(app) as http:
        boss = Browser(http)
        await boss.get("/login")
        await boss.post("/login", {"email": manager.email, "password": PASSWORD})
        org_path = await boss.create_org("Soup Club", kind="nonprofit")
        await boss.get(f"{org_path}/campaigns/new")
        wrong = await boss.post(f"{org_path}/campaigns/new", {
            "title": "Soup for all", "description": "Story", "kind": "fundraiser",
            "currency": "EUR", "goal": "", "suggested_amounts": "50, 10", "moderation": "post",
            "report_threshold": "3",
        }, htmx=True)
        assert wrong.status_code == 422
        assert "Set a goal above zero." in wrong.text and "from the smallest" in wrong.text
        path = await boss.launch_campaign(
            org_path, "Soup for all", "Every bowl counts.", closes_at="2031-06-30T18:00",
            kind="fundraiser", currency="EUR", goal="2,500", suggested_amounts="10, 25, 50",
            sponsor_name="", match_percent="100", match_cap="")
        slug = path.rsplit("/", 1)[1]
        assert (await Fundraiser.get(campaign__slug=slug)).goal == 250_000
        manage = await boss.get(f"{path}/manage")
        assert "Goal and gifts" in manage.text and 'value="2500"' in manage.text
        assert "Voting ends" not in manage.text
        saved = await boss.post(f"{path}/manage", {
            "title": "Soup for all", "description": "Every bowl counts.", "currency": "EUR",
            "goal": "3000", "suggested_amounts": "10, 25, 50", "sponsor_name": "",
            "match_percent": "100", "match_cap": "", "opens_at": "",
            "closes_at": "2031-06-30T18:00", "archives_at": ""})
        assert saved.status_code == 303, saved.text
        assert (await Fundraiser.get(campaign__slug=slug)).goal == 300_000

    async with new_client(app) as http:
        fan = Browser(http)
        visitor = await fan.get(path)
        assert "Log in to give" in visitor.text and "€3,000" in visitor.text
        assert (await fan.post(f"{path}/give", {"amount": "10"})).headers[
            "location"].startswith("/login?next=")
        await fan.sign_up("Browser giver")
        page = await fan.get(path)
        assert 'name="amount" value="25"' in page.text and "days left" in page.text
        bad = await fan.post(f"{path}/give", {"custom_amount": "ten"}, htmx=True)
        assert bad.status_code == 422 and 'id="give"' in bad.text and "<html" not in bad.text
        given = await fan.post(f"{path}/give", {"amount": "25", "custom_amount": "",
                                                "message": "Warm bowls!", "anonymous": "1"})
        assert given.status_code == 303 and "/thanks?gift=" in given.headers["location"]
        thanks = await fan.get(given.headers["location"])
        assert "Your pledge of €25 is recorded" in thanks.text
        # Not a dead end: their own share link and their own page come next.
        assert "Double your gift: tell your friends" in thanks.text
        assert re.search(r'id="share-url-thanks" type="url" value="[^"]+\?ref=', thanks.text)
        assert f'href="{path}/p/new">Start your own fundraising page' in thanks.text
        gift_id = given.headers["location"].rsplit("=", 1)[1]

    async with new_client(app) as http:
        boss = Browser(http)
        await boss.get("/login")
        await boss.post("/login", {"email": manager.email, "password": PASSWORD})
        book = await boss.get(f"{path}/gifts")
        assert "Browser giver" in book.text and "anonymous" in book.text
        marked = await boss.post(f"{path}/gifts/{gift_id}", {"action": "paid"}, htmx=True)
        assert marked.status_code == 200 and "is now paid" in marked.text
        again = await boss.post(f"{path}/gifts/{gift_id}", {"action": "paid"})
        assert again.status_code == 409
    page = (await client.get(path)).text
    assert "Warm bowls!" in page and "Anonymous" in page and "Browser giver" not in page


async def test_live_viewers_hear_of_a_gift_and_the_card_shows_the_progress(app, client,
                                                                          make_client):
    assert as_event({"event": "gift", "status": "succeeded"}) == ("gift", "succeeded")
    manager = await sign_up(client, "Live manager")
    campaign = await launch_fundraiser(manager)
    slug = campaign["slug"]
    gift = await pledge(await sign_up(make_client(), "Live fan"), slug, 10_000)
    async with app.state.deps.realtime.subscribe(f"campaign:{slug}") as subscription:
        await asyncio.sleep(0.2)  # Redis has the subscription
        await manager.post(f"/gifts/{gift['id']}/paid")
        message = await subscription.next_within(5)
    assert message == {"event": "gift", "status": "succeeded"}

    fundraiser = await Fundraiser.get(campaign__slug=slug)
    drawn = Job.filter(key__startswith=f"fundraiser-card:{fundraiser.id}:2:", status="done")
    for _ in range(300):
        if await drawn.exists():
            break
        await asyncio.sleep(0.1)
    stored = await Fundraiser.get(id=fundraiser.id)
    assert stored.card_key and stored.card_percent == 2
    card = await client.get(f"/c/{slug}/card.png")
    assert card.status_code == 302 and stored.card_key in card.headers["location"]
    tags = meta_tags((await client.get(f"/c/{slug}")).text)
    assert tags["og:image"] == f"http://testserver/c/{slug}/card.png"
    assert "€100" in tags["og:description"]
