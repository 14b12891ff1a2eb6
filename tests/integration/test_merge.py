"""A manager merges a duplicate idea into the one that stays: its votes (each person once),
comments and authors follow, its address leads there, and every total equals its ledger."""

from __future__ import annotations

import asyncio
import dataclasses

from cocreate.models import AuditEvent, Vote, VoteBudget
from cocreate.services.operations.reconcile import reconcile
from tests.browser import Browser, new_client
from tests.integration.test_held_votes import network
from tests.people import PASSWORD, Person, launch_campaign, sign_up, wait_for


async def _idea(person: Person, campaign: str, title: str) -> str:
    created = await person.post(f"/campaigns/{campaign}/entries", {"title": title})
    assert created.status_code == 201, created.text
    return created.json()["id"]


async def _told(person: Person, words: str) -> list[str]:
    body = await wait_for(person, "/notifications", lambda b: any(
        words in n["text"] for n in b["notifications"]))
    return [n["text"] for n in body["notifications"] if words in n["text"]]


async def test_merging_moves_votes_comments_and_credit_to_the_idea_kept(app, client,
                                                                        make_client):
    manager = await sign_up(client, "Merge manager")
    slug = (await launch_campaign(manager, "Less packaging"))["slug"]
    alice = await sign_up(make_client(), "Alice Keeper")
    bob = await sign_up(make_client(), "Bob Twin")
    kept = await _idea(alice, slug, "Refillable bottles in every store")
    twin = await _idea(bob, slug, "Refill botles in stores")
    only_kept, only_twin, both = [await sign_up(make_client(), n) for n in ("Kay", "Tim", "Bo")]
    for voter, entries in ((only_kept, [kept]), (only_twin, [twin]), (both, [kept])):
        for entry in entries:
            assert (await voter.put(f"/entries/{entry}/vote")).status_code == 200
    async with new_client(app) as http:  # Bo votes for the twin through Bob's share link
        bobs_code = await (await Browser(http).log_in(bob.email)).share_code(twin)
    async with new_client(app) as http:
        browser = await Browser(http).log_in(both.email)
        await browser.get(f"/e/{twin}?ref={bobs_code}")
        assert (await browser.post(f"/e/{twin}/vote", {"action": "vote"})).status_code == 303
    org = (await manager.get(f"/campaigns/{slug}")).json()["org"]["slug"]
    brought = await manager.get(f"/orgs/{org}/power-users")
    assert [(p["user"]["handle"], p["reasons"]) for p in brought.json()["people"]] == [
        (bob.handle, "brought 1 visitor, 0 signed up, 1 vote")]
    first = (await only_twin.post(f"/entries/{twin}/comments", {"body": "Love it"})).json()
    reply = await alice.post(f"/entries/{twin}/comments",
                             {"body": "Same as mine!", "parent_id": first["id"]})
    assert reply.status_code == 201, reply.text
    await only_kept.post(f"/entries/{kept}/comments", {"body": "Yes"})

    assert (await bob.post(f"/entries/{twin}/merge", {"into": kept})).status_code == 403
    itself = await manager.post(f"/entries/{twin}/merge", {"into": twin})
    assert itself.status_code == 422 and "into" in itself.json()["error"]["fields"]
    merged = await manager.post(f"/entries/{twin}/merge", {"into": kept})
    assert merged.status_code == 200, merged.text
    done = merged.json()
    assert (done["votes_moved"], done["votes_removed"], done["comments_moved"]) == (1, 1, 2)
    assert done["into"]["vote_count"] == 3  # Kay, Tim, and Bo once
    assert [p["handle"] for p in done["into"]["credited"]] == [bob.handle]
    assert done["merged"]["status"] == "merged" and done["merged"]["merged_into"] == kept
    brought = await manager.get(f"/orgs/{org}/power-users")  # Bo's second vote is gone
    assert [(p["user"]["handle"], p["reasons"]) for p in brought.json()["people"]] == [
        (bob.handle, "brought 1 visitor, 0 signed up, 0 votes")]
    assert await reconcile() == []

    again = await manager.post(f"/entries/{twin}/merge", {"into": kept})
    assert again.status_code == 409
    backwards = await manager.post(f"/entries/{kept}/merge", {"into": twin})
    assert backwards.status_code == 422

    shown = (await client.get(f"/api/v1/entries/{kept}")).json()
    assert shown["vote_count"] == 3 and shown["credited"][0]["display_name"] == "Bob Twin"
    assert (await client.get(f"/api/v1/campaigns/{slug}")).json()["entry_count"] == 1
    listed = (await client.get(f"/api/v1/campaigns/{slug}/entries")).json()["entries"]
    assert [e["id"] for e in listed] == [kept]
    similar = (await client.get(f"/api/v1/campaigns/{slug}/similar",
                                params={"q": "refill botles"})).json()["ideas"]
    assert [e["id"] for e in similar] == [kept]
    thread = (await client.get(f"/api/v1/entries/{kept}/comments")).json()["comments"]
    assert len(thread) == 3
    moved_reply = next(c for c in thread if c["body"] == "Same as mine!")
    assert moved_reply["parent_id"] == first["id"] and moved_reply["depth"] == 1
    again_vote = await both.put(f"/entries/{kept}/vote")
    assert again_vote.json()["vote_count"] == 3  # still one vote each

    # The duplicate's address leads to the idea kept, which says so and credits Bob
    old = await client.get(f"/e/{twin}")
    assert old.status_code == 301 and old.headers["location"] == f"/e/{kept}?merged={twin}"
    page = (await client.get(old.headers["location"])).text
    assert "“Refill botles in stores” was merged into this idea" in page
    assert "with ideas from" in page and "Bob Twin" in page
    profile = (await client.get(f"/u/{bob.handle}")).text
    assert "Refillable bottles in every store" in profile and "Credited" in profile
    assert "1 entry" in profile
    # Sites that embedded the duplicate now show the idea kept.
    embedded = await client.get("/oembed", params={"url": f"http://testserver/e/{twin}"})
    assert embedded.status_code == 200, embedded.text
    assert embedded.json()["title"] == "Refillable bottles in every store"
    framed = await client.get(f"/embed/e/{twin}")
    assert framed.status_code == 200 and "Refillable bottles in every store" in framed.text

    # Bob, and Tim and Bo who voted for it, are told once; Kay is not
    assert len(await _told(bob, "merged your idea")) == 1
    for voter in (only_twin, both):
        assert len(await _told(voter, "which you voted for, was merged")) == 1
    kay = (await only_kept.get("/notifications")).json()["notifications"]
    assert not any("merged" in n["text"] for n in kay)
    logged = await AuditEvent.filter(action="entry.merge", target_id=twin)
    assert len(logged) == 1 and logged[0].data["into"] == kept


async def test_a_manager_merges_from_the_duplicates_page(app, client, make_client):
    manager = await sign_up(client, "Page manager")
    slug = (await launch_campaign(manager, "Page merges"))["slug"]
    fan = await sign_up(make_client(), "Page fan")
    kept = await _idea(fan, slug, "Night mode for the app")
    twin = await _idea(fan, slug, "A dark mode at night")
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        page = (await browser.get(f"/e/{twin}")).text
        assert "Merge a duplicate" in page and f'value="{kept}"' in page  # offered at once
        found = await browser.get(f"/e/{twin}/merge/candidates", params={"merge_q": "night"},
                                  htmx=True)
        assert f'value="{kept}"' in found.text and "<html" not in found.text
        unchosen = await browser.post(f"/e/{twin}/merge", {}, htmx=True)
        assert unchosen.status_code == 422 and "Choose the idea to keep" in unchosen.text
        done = await browser.post(f"/e/{twin}/merge", {"into": kept})
        assert done.status_code == 303
        assert done.headers["location"] == f"/e/{kept}?merged={twin}"
    fan_page = (await client.get(f"/e/{twin}", follow_redirects=True)).text
    assert "A dark mode at night” was merged into this idea" in fan_page
    assert "Merge a duplicate" not in fan_page


async def test_a_budget_vote_for_both_ideas_is_given_back(client, make_client):
    manager = await sign_up(client, "Budget merger")
    org = (await manager.post("/orgs", {"name": f"Budget merges {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    slug = (await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Two votes each", "kind": "idea", "description": "Choose well.",
        "voting_mode": "budget", "vote_budget": 2})).json()["slug"]
    author = await sign_up(make_client(), "Budget author")
    kept, twin, third = [await _idea(author, slug, t) for t in ("Solar roof", "Sun roof", "Bike")]
    fan = await sign_up(make_client(), "Budget fan")
    await fan.put(f"/entries/{kept}/vote")
    assert (await fan.put(f"/entries/{twin}/vote")).json()["votes_left"] == 0
    assert (await manager.post(f"/entries/{twin}/merge", {"into": kept})).status_code == 200
    budget = await VoteBudget.get(user__handle=fan.handle)
    assert budget.used == 1
    assert (await fan.put(f"/entries/{third}/vote")).json()["votes_left"] == 0
    assert await reconcile() == []


async def test_two_managers_merging_at_once_merge_once(client, make_client):
    owner = await sign_up(client, "Race owner")
    slug = (await launch_campaign(owner, "Racing merges"))["slug"]
    author = await sign_up(make_client(), "Race author")
    kept, twin = await _idea(author, slug, "Quiet hours"), await _idea(author, slug, "Quiet time")
    voters = [await sign_up(make_client(), f"Racer {n}") for n in range(3)]
    for voter in voters:
        await voter.put(f"/entries/{twin}/vote")
    answers = await asyncio.gather(*(owner.post(f"/entries/{twin}/merge", {"into": kept})
                                     for _ in range(2)))
    assert sorted(a.status_code for a in answers) == [200, 409]
    assert (await client.get(f"/api/v1/entries/{kept}")).json()["vote_count"] == 3

    one, other = await _idea(author, slug, "Late opening"), await _idea(author, slug, "Open late")
    crossed = await asyncio.gather(owner.post(f"/entries/{one}/merge", {"into": other}),
                                   owner.post(f"/entries/{other}/merge", {"into": one}))
    codes = sorted(a.status_code for a in crossed)
    assert codes[0] == 200 and codes[1] in (409, 422), [a.text for a in crossed]
    assert await reconcile() == []


async def test_only_ideas_of_one_campaign_merge_and_only_before_results(client, make_client):
    manager = await sign_up(client, "Rules manager")
    slug = (await launch_campaign(manager, "Rules of merging"))["slug"]
    author = await sign_up(make_client(), "Rules author")
    kept, twin = await _idea(author, slug, "Free water"), await _idea(author, slug, "Water free")
    elsewhere = await _idea(author, (await launch_campaign(manager, "Other"))["slug"], "Water")
    across = await manager.post(f"/entries/{twin}/merge", {"into": elsewhere})
    assert across.status_code == 422
    assert (await manager.post(f"/entries/{twin}/merge", {"into": "nosuchidea"})
            ).status_code == 422
    assert (await manager.post("/entries/nosuchidea/merge", {"into": kept})).status_code == 404

    org = (await manager.post("/orgs", {"name": f"Floats {manager.handle}", "kind": "brand"})
           ).json()["slug"]
    team_slug = (await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Floats", "kind": "team", "description": "Together", "team_min_size": 1,
    })).json()["slug"]
    await author.post(f"/campaigns/{team_slug}/teams", {"name": "Solo"})
    team_entry = await _idea(author, team_slug, "Dragon float")
    not_an_idea = await manager.post(f"/entries/{team_entry}/merge", {"into": kept})
    assert not_an_idea.status_code == 422
    assert "Only ideas" in not_an_idea.json()["error"]["message"]

    for phase in ("voting", "judging", "results"):
        assert (await manager.post(f"/campaigns/{slug}/phase", {"phase": phase})
                ).status_code == 200
    late = await manager.post(f"/entries/{twin}/merge", {"into": kept})
    assert late.status_code == 403 and "results" in late.json()["error"]["message"]


async def test_held_votes_move_held_and_still_wait_for_a_manager(app, client, make_client):
    manager = await sign_up(client, "Held merger")
    slug = (await launch_campaign(manager, "Held merges"))["slug"]
    author = await sign_up(make_client(), "Held author")
    kept, twin = await _idea(author, slug, "Bike lanes"), await _idea(author, slug, "Bike paths")
    farm = [await sign_up(make_client(), f"Farm {n}") for n in range(6)]
    await farm[0].put(f"/entries/{kept}/vote")  # from home, counted
    async with network(app, "198.51.100") as office:
        for person in farm:
            await dataclasses.replace(person, client=office).put(f"/entries/{twin}/vote")
    assert (await manager.get(f"/entries/{twin}")).json()["vote_count"] == 0  # all six held

    done = (await manager.post(f"/entries/{twin}/merge", {"into": kept})).json()
    assert (done["votes_moved"], done["votes_removed"]) == (5, 1)
    assert done["into"]["vote_count"] == 1  # the held five count nowhere yet
    assert await Vote.filter(entry_id=kept, status="held").count() == 5
    assert await reconcile() == []
    (group,) = (await manager.get(f"/campaigns/{slug}/held-votes")).json()["groups"]
    assert {vote["entry_id"] for vote in group["votes"]} == {kept}
    accepted = await manager.post(f"/campaigns/{slug}/held-votes/review", {
        "vote_ids": [vote["id"] for vote in group["votes"]], "decision": "accept"})
    assert accepted.json()["changed"] == 5
    assert (await manager.get(f"/entries/{kept}")).json()["vote_count"] == 6
    assert await reconcile() == []


async def test_the_idea_kept_gains_the_duplicates_approved_tags_while_it_has_room(client,
                                                                                  make_client):
    manager = await sign_up(client, "Tag merger")
    slug = (await launch_campaign(manager, "Tagged twins"))["slug"]
    for name in ("Sweet", "Fresh", "Cheap", "Green"):
        assert (await manager.post(f"/campaigns/{slug}/tags", {"name": name})).status_code == 201
    fan = await sign_up(make_client(), "Tagging fan")

    async def tagged(title: str, tags: list[str], suggest: str | None = None) -> str:
        created = await fan.post(f"/campaigns/{slug}/entries", {
            "title": title, "tags": tags, "suggest_tag": suggest})
        assert created.status_code == 201, created.text
        return created.json()["id"]

    async def tags_of(entry: str) -> list[str]:
        return sorted(t["slug"] for t in (await manager.get(f"/entries/{entry}")).json()["tags"])

    async def counts() -> dict[str, int]:
        listed = (await manager.get(f"/campaigns/{slug}/tags")).json()["tags"]
        return {t["slug"]: t["entry_count"] for t in listed}

    await tagged("Green wrappers", ["green"])  # green is used more than cheap
    full = await tagged("Sugar-free sweets", ["sweet", "fresh"])
    twin = await tagged("Sugarless sweets", ["fresh", "cheap", "green"])

    # One place left: the twin's most used tag the kept idea lacks takes it
    assert (await manager.post(f"/entries/{twin}/merge", {"into": full})).status_code == 200
    assert await tags_of(full) == ["fresh", "green", "sweet"]
    # A fan's suggestion stays behind; approved tags come along
    roomy = await tagged("Mint drops", [])
    other_twin = await tagged("Minty drops", ["cheap"], suggest="Minty")
    assert (await manager.post(f"/entries/{other_twin}/merge", {"into": roomy})
            ).status_code == 200
    assert await tags_of(roomy) == ["cheap"]
    assert await counts() == {"green": 2, "fresh": 1, "sweet": 1, "cheap": 1, "minty": 0}
    assert await reconcile() == []
