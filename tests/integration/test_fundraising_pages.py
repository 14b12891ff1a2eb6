"""Peer to peer: fans start their own fundraising pages under a non-profit's fundraiser,
friends give on them, fans team up, and the page, team and campaign totals move together
with every gift that succeeds or is refunded, always equal to the gifts themselves."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from cocreate.models import (
    AuditEvent,
    Award,
    FundraisingPage,
    FundraisingTeam,
    Gift,
    Job,
    Notification,
)
from cocreate.services.operations.reconcile import find_differences
from tests.browser import Browser, meta_tags, new_client
from tests.integration.test_fundraisers import launch_fundraiser, pledge, progress
from tests.people import Person, eventually, sign_up, wait_for


async def start_page(fan: Person, slug: str, goal: int = 50_000, **fields: Any
                     ) -> dict[str, Any]:
    response = await fan.post(f"/campaigns/{slug}/pages", {"goal": goal, **fields})
    assert response.status_code == 201, response.text
    return response.json()


async def give_on(fan: Person, page: dict[str, Any], amount: int, **fields: Any
                  ) -> dict[str, Any]:
    return await pledge(fan, page["campaign"], amount, page_id=page["id"], **fields)


async def paid(manager: Person, gift: dict[str, Any]) -> None:
    response = await manager.post(f"/gifts/{gift['id']}/paid")
    assert response.status_code == 200, response.text


async def page_of(person: Person, page: dict[str, Any]) -> dict[str, Any]:
    response = await person.get(f"/campaigns/{page['campaign']}/pages/{page['slug']}")
    assert response.status_code == 200, response.text
    return response.json()


async def team_of(person: Person, slug: str, team: str) -> dict[str, Any]:
    response = await person.get(f"/campaigns/{slug}/fundraising-teams/{team}")
    assert response.status_code == 200, response.text
    return response.json()


async def assert_totals_equal_the_ledger() -> None:
    assert [d for d in await find_differences() if d.counter.startswith(
        ("fundraisers.", "fundraising_pages.", "fundraising_teams."))] == []


def gift_mails(smtp_server, address: str) -> list[str]:  # type: ignore[no-untyped-def]
    texts = [m.get_body(("plain",)).get_content() for m in smtp_server.to(address)]
    return [text for text in texts if "on your fundraising page" in text]


async def wait_for_gift_mails(smtp_server, address: str, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if len(found := gift_mails(smtp_server, address)) >= count:
            return found
        await asyncio.sleep(0.1)
    raise AssertionError(f"fewer than {count} mails to {address}")


async def test_a_fan_raises_money_on_their_own_page_for_themselves_their_team_and_the_cause(
        client, make_client, smtp_server):
    manager = await sign_up(client, "Kitchen manager")
    slug = (await launch_fundraiser(manager, sponsor_name="Fizzwell", match_cap=100_000))["slug"]
    runner = await sign_up(make_client(), "Rita Runner")
    chosen = await runner.put("/me/email-preferences", {"kinds": ["page_gift"], "digest": False})
    assert chosen.status_code == 200, chosen.text

    bad = await runner.post(f"/campaigns/{slug}/pages", {"goal": 0, "story": "x" * 6000})
    assert bad.status_code == 422
    assert set(bad.json()["error"]["fields"]) == {"goal", "story"}
    page = await start_page(runner, slug, 20_000, title="Rita runs 10k for hot meals",
                            story="I run, **you give**.", new_team="Riverside Runners")
    assert page["owner"]["display_name"] == "Rita Runner" and page["goal_display"] == "€200"
    assert "<strong>you give</strong>" in page["story_html"]
    assert page["team"]["name"] == "Riverside Runners"
    assert page["url"].endswith(f"/c/{slug}/p/{page['slug']}")
    again = await runner.post(f"/campaigns/{slug}/pages", {"goal": 10_000})
    assert again.status_code == 409

    friend = await sign_up(make_client(), "Frida Friend")
    gift = await give_on(friend, page, 2500, message="Run, Rita, run!")
    assert gift["page_id"] == page["id"]
    assert (await page_of(friend, page))["raised"] == 0  # a pledge counts once it is paid
    await paid(manager, gift)

    now = await page_of(friend, page)
    assert (now["raised"], now["gift_count"], now["percent"]) == (2500, 1, 12)
    assert now["supporters"][0]["name"] == "Frida Friend"
    assert now["supporters"][0]["message"] == "Run, Rita, run!"
    team = await team_of(friend, slug, page["team"]["slug"])
    assert (team["raised"], team["gift_count"], team["member_count"]) == (2500, 1, 1)
    campaign = await progress(friend, slug)
    assert (campaign["raised"], campaign["matched"]) == (2500, 2500)  # the sponsor matches
    told = await Notification.filter(key=f"page-gift:{gift['id']}").values_list("text",
                                                                              flat=True)
    assert told == ["Frida Friend gave €25 on your fundraising page "
                    "“Rita runs 10k for hot meals”"]
    [mail] = await wait_for_gift_mails(smtp_server, runner.email, 1)
    assert "Frida Friend gave €25" in mail
    await eventually(Job.filter(key__startswith=f"page-card:{page['id']}:12:",
                                status="done").exists, "the page's card drawn again", 30)
    stored = await FundraisingPage.get(id=page["id"])
    assert stored.card_key and stored.card_percent == 12
    card = await client.get(f"/c/{slug}/p/{page['slug']}/card.png")
    assert card.status_code == 302 and stored.card_key in card.headers["location"]
    await assert_totals_equal_the_ledger()

    await manager.post(f"/gifts/{gift['id']}/refund")
    after = await page_of(friend, page)
    assert (after["raised"], after["gift_count"]) == (0, 0)
    assert (await team_of(friend, slug, page["team"]["slug"]))["raised"] == 0
    assert (await progress(friend, slug))["raised"] == 0
    assert await Notification.filter(key__startswith="page-gift:",
                                     user__handle=runner.handle).count() == 1
    assert len(gift_mails(smtp_server, runner.email)) == 1  # told once per gift
    await assert_totals_equal_the_ledger()


async def test_pages_and_teams_start_only_while_the_fundraiser_takes_gifts(client, make_client):
    manager = await sign_up(client, "Closing manager")
    slug = (await launch_fundraiser(manager))["slug"]
    early = await sign_up(make_client(), "Early fan")
    page = await start_page(early, slug)
    await manager.post(f"/campaigns/{slug}/phase", {"phase": "closed"})
    late = await sign_up(make_client(), "Late fan")
    refused = await late.post(f"/campaigns/{slug}/pages", {"goal": 10_000})
    assert refused.status_code == 403
    assert (await early.post(f"/campaigns/{slug}/fundraising-teams", {"name": "Latecomers"})
            ).status_code == 403
    assert (await late.post(f"/campaigns/{slug}/gifts", {"amount": 1000, "page_id": page["id"]})
            ).status_code == 403
    assert not await FundraisingPage.exists(campaign__slug=slug, owner__handle=late.handle)


async def test_the_leaderboard_orders_pages_and_teams_by_amount_raised_ties_to_the_earlier(
        client, make_client):
    manager = await sign_up(client, "Board manager")
    slug = (await launch_fundraiser(manager))["slug"]
    fans = [await sign_up(make_client(), f"Racer {n}") for n in range(4)]
    first = await start_page(fans[0], slug, new_team="Early Birds")
    second = await start_page(fans[1], slug, team=first["team"]["slug"])
    third = await start_page(fans[2], slug, new_team="Night Owls")
    fourth = await start_page(fans[3], slug)
    donor = await sign_up(make_client(), "Generous")
    for page, amount in ((first, 1000), (second, 3000), (third, 3000), (fourth, 5000)):
        await paid(manager, await give_on(donor, page, amount))

    board = (await client.get(f"/api/v1/campaigns/{slug}/fundraising-leaderboard")).json()
    assert [p["owner"]["display_name"] for p in board["pages"]] == [
        "Racer 3", "Racer 1", "Racer 2", "Racer 0"]  # Racer 1 and 2 tie: the earlier first
    assert [(t["name"], t["raised"], t["member_count"]) for t in board["teams"]] == [
        ("Early Birds", 4000, 2), ("Night Owls", 3000, 1)]
    await paid(manager, await give_on(donor, third, 2000))
    board = (await client.get(f"/api/v1/campaigns/{slug}/fundraising-leaderboard")).json()
    assert [t["name"] for t in board["teams"]] == ["Night Owls", "Early Birds"]
    page_html = (await client.get(f"/c/{slug}/leaderboard")).text
    assert page_html.index("Night Owls") < page_html.index("Early Birds")
    racers = [page_html.index(f"Racer {n}") for n in (2, 3, 1, 0)]  # 2 ties 3 and is earlier
    assert racers == sorted(racers)
    await assert_totals_equal_the_ledger()


async def test_a_page_changing_team_takes_its_total_along(client, make_client):
    manager = await sign_up(client, "Team manager")
    slug = (await launch_fundraiser(manager))["slug"]
    captain, mover = await sign_up(make_client(), "Cap"), await sign_up(make_client(), "Mo")
    anchor = await start_page(captain, slug, new_team="Harbour Crew")
    harbour = anchor["team"]["slug"]
    page = await start_page(mover, slug, team=harbour)
    await paid(manager, await give_on(captain, page, 4000))
    assert (await team_of(mover, slug, harbour))["raised"] == 4000

    started = await mover.post(f"/campaigns/{slug}/fundraising-teams",
                               {"name": "Mo's Own", "goal": 100_000})
    assert started.status_code == 201, started.text
    assert (started.json()["raised"], started.json()["member_count"]) == (4000, 1)
    assert (await team_of(mover, slug, harbour))["raised"] == 0
    assert (await mover.post(f"/campaigns/{slug}/fundraising-teams", {"name": "Harbour Crew"})
            ).status_code == 422  # the name is taken
    joined = await mover.post(f"/campaigns/{slug}/fundraising-teams/{harbour}/join")
    assert (joined.json()["raised"], joined.json()["member_count"]) == (4000, 2)
    assert not await FundraisingTeam.exists(name="Mo's Own")  # its captain left it empty
    assert (await captain.post(f"/campaigns/{slug}/fundraising-teams/{harbour}/leave")
            ).status_code == 409  # the captain stays while others are in the team
    left = await mover.post(f"/campaigns/{slug}/fundraising-teams/{harbour}/leave")
    assert left.status_code == 200 and left.json()["team"] is None
    assert (await team_of(mover, slug, harbour))["raised"] == 0
    await assert_totals_equal_the_ledger()


async def test_an_anonymous_gift_on_a_page_never_shows_its_donor(app, client, make_client):
    manager = await sign_up(client, "Privacy manager")
    slug = (await launch_fundraiser(manager))["slug"]
    owner = await sign_up(make_client(), "Page Owner")
    page = await start_page(owner, slug, new_team="Quiet Team")
    secret = f"Shy Donor {uuid.uuid4().hex[:6]}"
    shy = await sign_up(make_client(), secret)
    await paid(manager, await give_on(shy, page, 7000, anonymous=True, message="Good luck"))

    path = f"/c/{slug}/p/{page['slug']}"
    public = [await client.get(p) for p in (
        path, f"/c/{slug}/t/{page['team']['slug']}", f"/c/{slug}/leaderboard", f"/c/{slug}",
        f"/api/v1/campaigns/{slug}/pages/{page['slug']}", f"/api/v1/campaigns/{slug}/pages",
        f"/api/v1/campaigns/{slug}/fundraising-leaderboard",
        f"/api/v1/campaigns/{slug}/supporters")]
    for response in public:
        assert response.status_code == 200, response.url
        assert secret not in response.text and shy.handle not in response.text
    assert "Anonymous" in public[0].text and "Good luck" in public[0].text
    assert secret not in " ".join(meta_tags(public[0].text).values())
    detail = public[4].json()
    assert detail["supporters"][0]["name"] == "Anonymous"
    assert detail["supporters"][0]["user"] is None
    told = await Notification.get(user__handle=owner.handle, kind="page_gift")
    assert secret not in told.text and told.text.startswith("Someone gave €70")


async def test_gifts_on_one_page_succeeding_at_once_keep_every_total_equal_to_the_ledger(
        client, make_client):
    manager = await sign_up(client, "Rush manager")
    slug = (await launch_fundraiser(manager, sponsor_name="Fizzwell", match_cap=5000))["slug"]
    owner, teammate = await sign_up(make_client(), "Popular"), await sign_up(make_client(), "Pal")
    page = await start_page(owner, slug, new_team="Rushers")
    other = await start_page(teammate, slug, team=page["team"]["slug"])
    fans = await asyncio.gather(*(sign_up(make_client(), f"Rusher {n}") for n in range(5)))
    pledged = [await give_on(fan, target, 1000 + n * 100)
               for n, (fan, target) in enumerate(zip(fans * 2, [page] * 7 + [other] * 3,
                                                     strict=False))]
    results = await asyncio.gather(*(manager.post(f"/gifts/{g['id']}/paid") for g in pledged))
    assert all(r.status_code == 200 for r in results)
    stored = await FundraisingPage.get(id=page["id"])
    on_page = await Gift.filter(page_id=page["id"], status="succeeded")
    assert stored.raised == sum(g.amount for g in on_page) and stored.gift_count == 7
    team = await FundraisingTeam.get(slug=page["team"]["slug"], campaign__slug=slug)
    assert team.raised == sum(g["amount"] for g in pledged) and team.gift_count == 10
    await assert_totals_equal_the_ledger()

    # More gifts succeed while a page leaves its team and joins another, back and forth.
    others = (await teammate.post(f"/campaigns/{slug}/fundraising-teams", {"name": "Others"})
              ).json()["slug"]
    more = [await give_on(fan, page if n % 2 else other, 500) for n, fan in enumerate(fans)]
    moves = [teammate.post(f"/campaigns/{slug}/fundraising-teams/{target}/join")
             for target in (page["team"]["slug"], others) * 2]
    done = await asyncio.gather(*(manager.post(f"/gifts/{g['id']}/paid") for g in more), *moves)
    assert all(r.status_code == 200 for r in done[:len(more)])
    moved = [r.status_code for r in done[len(more):]]
    # A move racing another is refused (409); once the captain's page leaves "Others" for
    # good, that empty team closes and joining it finds nothing (404).
    assert 200 in moved and set(moved) <= {200, 404, 409}
    await assert_totals_equal_the_ledger()


async def test_a_fan_makes_a_page_in_the_browser_and_a_manager_hides_it(app, client):
    manager = await sign_up(client, "Hiding manager")
    campaign = await launch_fundraiser(manager)
    path = f"/c/{campaign['slug']}"
    async with new_client(app) as http:
        fan = Browser(http)
        await fan.sign_up("Form Fan")
        start = await fan.get(path)
        assert "Start your own fundraiser" in start.text
        form = await fan.get(f"{path}/p/new")
        assert form.status_code == 200 and "Form Fan for Kitchen" in form.text
        wrong = await fan.post(f"{path}/pages", {"title": "My run", "goal": "zero",
                                                 "story": "", "team": "", "new_team": ""},
                               htmx=True)
        assert wrong.status_code == 422 and "<html" not in wrong.text
        assert "Use an amount like 25" in wrong.text
        assert f'hx-post="{path}/pages"' in wrong.text  # the form posts to the same place
        made = await fan.post(f"{path}/pages", {
            "title": "My run", "goal": "150", "story": "Every *step* counts.", "team": "",
            "new_team": "Step Squad"})
        assert made.status_code == 303, made.text
        page_path = made.headers["location"]
        shown = await fan.get(page_path)
        assert "My run" in shown.text and "€150" in shown.text and "<em>step</em>" in shown.text
        assert "Step Squad" in shown.text and "?ref=" in shown.text  # the share link
        assert meta_tags(shown.text)["og:image"].endswith(f"{page_path}/card.png")
        edited = await fan.post(f"{page_path}/edit", {"title": "My long run", "goal": "300",
                                                      "story": "Longer now."})
        assert edited.status_code == 303
        assert "My long run" in (await fan.get(page_path)).text

        async with new_client(app) as other:
            boss = Browser(other)
            await boss.log_in(manager.email)
            await boss.get(page_path)
            hidden = await boss.post(f"{page_path}/hide", {"reason": "Not about the kitchen"})
            assert hidden.status_code == 303
        assert (await client.get(page_path)).status_code == 404
        mine = await fan.get(page_path)
        assert mine.status_code == 200 and "Not about the kitchen" in mine.text
    page = await FundraisingPage.get(campaign__slug=campaign["slug"],
                                     slug=page_path.rsplit("/", 1)[1])
    event = await AuditEvent.get(action="fundraising_page.hide", target_id=page.id)
    assert "Not about the kitchen" in event.summary and "Form Fan" in event.summary


async def test_a_page_owner_earns_the_fundraiser_badge_for_what_their_page_raised(
        client, make_client):
    manager = await sign_up(client, "Badge manager")
    slug = (await launch_fundraiser(manager, fundraiser_badge_at=5000))["slug"]
    runner = await sign_up(make_client(), "Rae Runner")
    page = await start_page(runner, slug, 20_000)
    first, second = await sign_up(make_client(), "Flo"), await sign_up(make_client(), "Gil")

    await paid(manager, await give_on(first, page, 3000))
    # Flo's Supporter badge comes from the same evaluation: by then Rae's is decided.
    await wait_for(runner, f"/users/{first.handle}/badges", lambda body: any(
        a["badge"] == "supporter" for a in body["awards"]))
    assert not await Award.exists(badge="fundraiser", user__handle=runner.handle)  # €30 < €50
    await paid(manager, await give_on(second, page, 2000))
    await wait_for(runner, f"/users/{runner.handle}/badges", lambda body: any(
        a["badge"] == "fundraiser" for a in body["awards"]))
    await paid(manager, await give_on(first, page, 1000))  # still one badge (a unique award)
    assert await Award.filter(badge="fundraiser", user__handle=runner.handle).count() == 1


async def test_after_giving_on_a_page_the_donor_is_led_back_to_it(app, client, make_client):
    manager = await sign_up(client, "Thanks manager")
    slug = (await launch_fundraiser(manager))["slug"]
    page = await start_page(await sign_up(make_client(), "Una Runner"), slug)
    async with new_client(app) as http:
        friend = Browser(http)
        await friend.sign_up("Vic Friend")
        await friend.get(f"/c/{slug}/p/{page['slug']}")
        given = await friend.post(f"/c/{slug}/give", {"amount": "25", "custom_amount": "",
                                                      "page_id": page["id"]})
        assert given.status_code == 303, given.text
        thanks = (await friend.get(given.headers["location"])).text
        assert "Your pledge of €25 is recorded" in thanks
        assert f'href="/c/{slug}/p/{page["slug"]}">Back to Una Runner’s page' in thanks
        plain = await friend.post(f"/c/{slug}/give", {"amount": "25", "custom_amount": ""})
        assert "Back to the fundraiser" in (await friend.get(plain.headers["location"])).text


async def test_the_captain_edits_the_team_and_its_address_stays(app, client, make_client):
    manager = await sign_up(client, "Team edit manager")
    slug = (await launch_fundraiser(manager))["slug"]
    captain, member = await sign_up(make_client(), "Cora Captain"), await sign_up(
        make_client(), "Max Member")
    crew = (await start_page(captain, slug, new_team="Dock Crew"))["team"]["slug"]
    await start_page(member, slug, team=crew)
    await start_page(await sign_up(make_client(), "Other Captain"), slug,
                     new_team="Quay Crew")
    path = f"/campaigns/{slug}/fundraising-teams/{crew}"

    body = {"name": "Dock Crew Runners", "goal": 50_000, "story": "We run **every** dock."}
    assert (await member.put(path, body)).status_code == 403
    taken = await captain.put(path, {**body, "name": "Quay Crew"})
    assert taken.status_code == 422 and "name" in taken.json()["error"]["fields"]
    changed = await captain.put(path, body)
    assert changed.status_code == 200, changed.text
    team = changed.json()
    assert (team["name"], team["goal"], team["slug"]) == ("Dock Crew Runners", 50_000, crew)
    assert "<strong>every</strong>" in team["story_html"]

    async with new_client(app) as http:
        browser = await Browser(http).log_in(captain.email)
        shown = await browser.get(f"/c/{slug}/t/{crew}")
        assert "Edit the team" in shown.text and 'value="500"' in shown.text
        bad = await browser.post(f"/c/{slug}/t/{crew}/edit", {"name": "x", "goal": "lots"},
                                 htmx=True)
        assert bad.status_code == 422 and 'id="team-edit"' in bad.text
        assert "<html" not in bad.text
        saved = await browser.post(f"/c/{slug}/t/{crew}/edit",
                                   {"name": "Dock Crew", "goal": "", "story": ""})
        assert saved.status_code == 303 and saved.headers["location"] == f"/c/{slug}/t/{crew}"
    assert (await team_of(member, slug, crew))["goal"] == 0
    async with new_client(app) as http:
        other = await Browser(http).log_in(member.email)
        assert "Edit the team" not in (await other.get(f"/c/{slug}/t/{crew}")).text
