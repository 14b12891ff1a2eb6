"""A campaign's life, from draft to results: what each phase allows, phases moving on time
(once, with two workers), rules, eligibility, prizes and winners."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from cocreate.models import AuditEvent, Campaign, RulesAcceptance, User
from cocreate.services.campaigns import lifecycle
from tests import services
from tests.people import Person, sign_up


def _soon(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat()


async def _brand(manager: Person) -> str:
    org = await manager.post("/orgs", {"name": f"Lifecycle Labs {manager.handle}",
                                       "kind": "brand"})
    assert org.status_code == 201, org.text
    return org.json()["slug"]


async def _launch(manager: Person, **settings: Any) -> dict[str, Any]:
    org = await _brand(manager)
    created = await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Name our next snack", "kind": "idea", "description": "Go wild.", **settings,
    })
    assert created.status_code == 201, created.text
    return created.json()


async def _move(manager: Person, slug: str, phase: str) -> dict[str, Any]:
    moved = await manager.post(f"/campaigns/{slug}/phase", {"phase": phase})
    assert moved.status_code == 200, moved.text
    assert moved.json()["phase"] == phase
    return moved.json()


async def _phase_events(campaign_slug: str) -> list[AuditEvent]:
    campaign = await Campaign.get(slug=campaign_slug)
    return await AuditEvent.filter(target_id=campaign.id, action="campaign.phase")


async def test_each_phase_allows_what_it_should(client, make_client):
    manager = await sign_up(client, "Manager")
    fan = await sign_up(make_client(), "Fan")
    voter = await sign_up(make_client(), "Voter")
    campaign = await _launch(manager, vote_in_open=False)
    slug = campaign["slug"]
    assert campaign["phase"] == "open" and campaign["is_open"] and not campaign["takes_votes"]

    entry = (await fan.post(f"/campaigns/{slug}/entries", {"title": "Crunchy clouds"})).json()
    early = await voter.put(f"/entries/{entry['id']}/vote")
    assert early.status_code == 403
    assert "Voting has not started yet" in early.json()["error"]["message"]

    await _move(manager, slug, "voting")
    late = await fan.post(f"/campaigns/{slug}/entries", {"title": "Too late"})
    assert late.status_code == 403 and "no longer takes entries" in late.json()["error"]["message"]
    assert (await voter.put(f"/entries/{entry['id']}/vote")).json()["vote_count"] == 1

    await _move(manager, slug, "judging")
    closed = await voter.delete(f"/entries/{entry['id']}/vote")
    assert closed.status_code == 403 and "Voting has closed" in closed.json()["error"]["message"]
    assert (await fan.get(f"/entries/{entry['id']}")).json()["vote_count"] == 1

    not_yours = await fan.post(f"/campaigns/{slug}/phase", {"phase": "results"})
    assert not_yours.status_code == 403
    same = await manager.post(f"/campaigns/{slug}/phase", {"phase": "judging"})
    assert same.status_code == 422


async def test_a_draft_is_seen_only_by_its_team_until_it_opens(client, make_client):
    manager = await sign_up(client, "Manager")
    fan = await sign_up(make_client(), "Curious fan")
    draft = await _launch(manager, draft=True, title="Secret launch")
    slug = draft["slug"]
    assert draft["phase"] == "draft"
    assert (await fan.get(f"/campaigns/{slug}")).status_code == 404
    listed = (await fan.get("/campaigns")).json()["campaigns"]
    assert slug not in [c["slug"] for c in listed]
    refused = await fan.post(f"/campaigns/{slug}/entries", {"title": "Sneak peek"})
    assert refused.status_code == 404

    await _move(manager, slug, "open")
    assert (await fan.get(f"/campaigns/{slug}")).json()["phase"] == "open"
    assert (await fan.post(f"/campaigns/{slug}/entries", {"title": "First!"})).status_code == 201


async def test_a_phase_moves_on_time_exactly_once_with_two_workers(client, settings_env):
    manager = await sign_up(client, "Manager")
    with services.cocreate_process(["worker"], settings_env):  # a second worker
        campaign = await _launch(manager, closes_at=_soon(2))
        assert campaign["next_phase"] == "voting"
        slug = campaign["slug"]
        deadline = asyncio.get_running_loop().time() + 20
        while (await manager.get(f"/campaigns/{slug}")).json()["phase"] != "voting":
            assert asyncio.get_running_loop().time() < deadline, "the schedule did not move it"
            await asyncio.sleep(0.2)
        # Both workers' ticks and a few more at once find nothing left to move.
        await asyncio.gather(*(lifecycle.advance_due() for _ in range(5)))
    events = await _phase_events(slug)
    assert len(events) == 1, [e.summary for e in events]
    moved = events[0]
    assert moved.actor_id is None and moved.data == {"from": "open", "to": "voting"}
    shown = (await manager.get(f"/campaigns/{slug}")).json()
    assert shown["next_phase"] is None and shown["takes_votes"] and not shown["is_open"]


async def test_overlapping_schedule_runs_move_a_campaign_once(client):
    manager = await sign_up(client, "Manager")
    campaign = await _launch(manager, closes_at=_soon(0.5))
    await asyncio.sleep(0.6)
    changes = await asyncio.gather(*(lifecycle.advance_due() for _ in range(8)))
    mine = [c for batch in changes for c in batch if c.after == "voting"]
    assert len(mine) <= 1
    assert len(await _phase_events(campaign["slug"])) == 1


async def test_a_phase_moved_back_by_hand_is_not_undone_by_the_schedule(client):
    manager = await sign_up(client, "Manager")
    campaign = await _launch(manager, closes_at=_soon(0.5))
    slug = campaign["slug"]
    await asyncio.sleep(0.6)
    await lifecycle.advance_due()
    assert (await manager.get(f"/campaigns/{slug}")).json()["phase"] == "voting"
    reopened = await _move(manager, slug, "open")
    assert reopened["next_phase"] is None  # the passed date waits for the manager now
    await lifecycle.advance_due()
    assert (await manager.get(f"/campaigns/{slug}")).json()["phase"] == "open"
    later = await manager.patch(f"/campaigns/{slug}", {"closes_at": _soon(3600)})
    assert later.status_code == 200 and later.json()["next_phase"] == "voting"


async def test_schedule_dates_must_follow_the_phases(client):
    manager = await sign_up(client, "Manager")
    org = await _brand(manager)
    backwards = await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Time travel", "kind": "idea", "description": "Oops",
        "closes_at": _soon(7200), "voting_ends_at": _soon(3600),
    })
    assert backwards.status_code == 422
    assert "voting_ends_at" in backwards.json()["error"]["fields"]
    past = await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Yesterday", "kind": "idea", "description": "Oops",
        "results_at": "2001-01-01T00:00:00Z",
    })
    assert past.status_code == 422 and "results_at" in past.json()["error"]["fields"]


async def test_fans_accept_the_rules_once_per_version(client, make_client):
    manager = await sign_up(client, "Manager")
    fan = await sign_up(make_client(), "Careful fan")
    campaign = await _launch(manager, rules="1. Be original.")
    slug = campaign["slug"]
    assert campaign["rules_version"] == 1 and "<li>Be original.</li>" in campaign["rules_html"]

    refused = await fan.post(f"/campaigns/{slug}/entries", {"title": "No reading"})
    assert refused.status_code == 422 and "accept_rules" in refused.json()["error"]["fields"]
    accepted = await fan.post(f"/campaigns/{slug}/entries",
                              {"title": "I read them", "accept_rules": True})
    assert accepted.status_code == 201, accepted.text
    again = await fan.post(f"/campaigns/{slug}/entries", {"title": "Second idea"})
    assert again.status_code == 201

    changed = await manager.patch(f"/campaigns/{slug}", {"rules": "1. Be original.\n2. Be kind."})
    assert changed.json()["rules_version"] == 2
    new_rules = await fan.post(f"/campaigns/{slug}/entries", {"title": "Third idea"})
    assert new_rules.status_code == 422
    assert (await fan.post(f"/campaigns/{slug}/rules/accept")).json()["version"] == 2
    assert (await fan.post(f"/campaigns/{slug}/entries", {"title": "Third"})).status_code == 201
    person = await User.get(handle=fan.handle)
    versions = await RulesAcceptance.filter(user=person).values_list("version", flat=True)
    assert sorted(versions) == [1, 2]


async def test_minimum_age_and_countries_are_checked_at_submission(client, make_client):
    manager = await sign_up(client, "Manager")
    teen = await sign_up(make_client(), "Teen")
    campaign = await _launch(manager, min_age=18, eligible_countries=["de", "AT"])
    slug = campaign["slug"]
    assert campaign["eligible_countries"] == ["DE", "AT"]

    asked = await teen.post(f"/campaigns/{slug}/entries", {"title": "Hello"})
    assert asked.status_code == 422
    assert {"birth_date", "country"} <= set(asked.json()["error"]["fields"])
    today = datetime.now(UTC).date()
    sixteen = date(today.year - 16, 1, 1).isoformat()
    young = await teen.post(f"/campaigns/{slug}/entries",
                            {"title": "Hello", "birth_date": sixteen, "country": "DE"})
    assert young.status_code == 403 and "aged 18 or over" in young.json()["error"]["message"]
    assert (await User.get(handle=teen.handle)).birth_date is None  # nothing half-written

    adult = date(today.year - 30, 5, 5).isoformat()
    abroad = await teen.post(f"/campaigns/{slug}/entries",
                             {"title": "Hello", "birth_date": adult, "country": "US"})
    assert abroad.status_code == 403 and "Germany, Austria" in abroad.json()["error"]["message"]
    unknown = await teen.post(f"/campaigns/{slug}/entries",
                              {"title": "Hello", "birth_date": adult, "country": "ZZ"})
    assert unknown.status_code == 422 and "country" in unknown.json()["error"]["fields"]
    ok = await teen.post(f"/campaigns/{slug}/entries",
                         {"title": "Hello", "birth_date": adult, "country": "at"})
    assert ok.status_code == 201, ok.text
    remembered = await teen.post(f"/campaigns/{slug}/entries", {"title": "Hello again"})
    assert remembered.status_code == 201


async def test_managers_pick_winners_in_judging_and_everyone_sees_them_in_results(
        client, make_client):
    manager = await sign_up(client, "Manager")
    fan = await sign_up(make_client(), "Winner fan")
    campaign = await _launch(manager)
    slug = campaign["slug"]
    prizes = await manager.put(f"/campaigns/{slug}/prizes", {"prizes": [
        {"rank": 1, "title": "Grand prize", "description": "A trip"},
        {"rank": 2, "title": "Runner-up"},
    ]})
    assert prizes.status_code == 200, prizes.text
    grand = prizes.json()["prizes"][0]
    entry = (await fan.post(f"/campaigns/{slug}/entries", {"title": "Sky snacks"})).json()

    too_early = await manager.post(f"/campaigns/{slug}/winners",
                                   {"prize_id": grand["id"], "entry_id": entry["id"]})
    assert too_early.status_code == 403
    await _move(manager, slug, "judging")
    picked = await manager.post(f"/campaigns/{slug}/winners",
                                {"prize_id": grand["id"], "entry_id": entry["id"]})
    assert picked.status_code == 201, picked.text
    twice = await manager.post(f"/campaigns/{slug}/winners",
                               {"prize_id": prizes.json()["prizes"][1]["id"],
                                "entry_id": entry["id"]})
    assert twice.status_code == 409
    assert (await fan.get(f"/campaigns/{slug}/winners")).json()["winners"] == []
    assert len((await manager.get(f"/campaigns/{slug}/winners")).json()["winners"]) == 1
    locked = await manager.put(f"/campaigns/{slug}/prizes", {"prizes": []})
    assert locked.status_code == 409

    await _move(manager, slug, "results")
    public = (await fan.get(f"/campaigns/{slug}/winners")).json()["winners"]
    assert [(w["prize"]["title"], w["entry"]["title"]) for w in public] == [
        ("Grand prize", "Sky snacks")]
    page = await fan.client.get(f"/c/{slug}")
    assert "Winners" in page.text and "Grand prize" in page.text
    entry_page = await fan.client.get(f"/e/{entry['id']}")
    assert "Winner" in entry_page.text


async def test_owners_read_the_audit_log_and_nobody_else_does(client, make_client):
    manager = await sign_up(client, "Owner")
    campaign = await _launch(manager, closes_at=_soon(3600))
    slug = campaign["slug"]
    org = campaign["org"]["slug"]
    colleague = await sign_up(make_client(), "Colleague")
    added = await manager.post(f"/orgs/{org}/members",
                               {"email": colleague.email, "role": "manager"})
    assert added.status_code == 201
    await colleague.patch(f"/campaigns/{slug}", {"title": "Name our next big snack"})
    await _move(colleague, slug, "voting")

    log = await manager.get(f"/orgs/{org}/audit")
    assert log.status_code == 200
    actions = [(e["action"], (e["actor"] or {}).get("handle")) for e in log.json()["events"]]
    assert actions[:4] == [
        ("campaign.phase", colleague.handle), ("campaign.update", colleague.handle),
        ("member.add", manager.handle), ("campaign.create", manager.handle),
    ]
    assert (await colleague.get(f"/orgs/{org}/audit")).status_code == 403


async def test_the_embedded_default_moves_phases_on_time_without_redis(tmp_path):
    """One process, SQLite, no Redis: the app's own loop does what the workers' cron does.
    BASE_URL is unset, as on a first run on another port: the links follow the port."""
    port = services.free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "ENVIRONMENT": "development", "DATABASE_URL": services.migrated_sqlite_copy(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"), "REDIS_URL": "", "S3_BUCKET": "",
        "S3_ENDPOINT_URL": "", "BASE_URL": "", "SCHEDULE_INTERVAL": "1",
    }
    with services.cocreate_process(["serve", "--port", str(port)], env,
                                   ready_url=f"{base}/healthz"):
        async with httpx.AsyncClient(base_url=base) as http:
            manager = await sign_up(http, "Solo operator")
            campaign = await _launch(manager, closes_at=_soon(1.5))
            page = await http.get(f"/c/{campaign['slug']}")
            assert f'<meta property="og:url" content="{base}/c/{campaign["slug"]}">' in page.text
            assert "127.0.0.1:8000" not in page.text + page.headers["content-security-policy"]
            deadline = asyncio.get_running_loop().time() + 15
            while (await manager.get(f"/campaigns/{campaign['slug']}")).json()["phase"] != "voting":
                assert asyncio.get_running_loop().time() < deadline, "the app did not move it"
                await asyncio.sleep(0.2)
