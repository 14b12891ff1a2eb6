"""Jury mode: managers set the criteria and name the judges, judges score every entry on every
criterion, and the results rank entries by the jury (and the public vote, by their weights).
Nobody but the managers sees a score before the results, and each judge sees their own."""

from __future__ import annotations

import asyncio
import re
import uuid

from cocreate.models import Entry, JuryScore, User
from cocreate.services.judging import jury
from cocreate.services.operations.reconcile import Difference, reconcile
from tests.browser import Browser, gallery_ids, new_client
from tests.people import Person, sign_up

CRITERIA = [{"name": "Originality", "weight": 3, "description": "Never seen before"},
            {"name": "Feasibility", "weight": 1}]


async def _campaign(manager: Person, **voting: object) -> str:
    org = await manager.post("/orgs", {"name": f"Jury {uuid.uuid4().hex[:6]}", "kind": "brand"})
    created = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": "Best pitch", "kind": "idea", "description": "Pitch it.", **voting})
    assert created.status_code == 201, created.text
    return created.json()["slug"]


async def _idea(fan: Person, slug: str, title: str) -> str:
    sent = await fan.post(f"/campaigns/{slug}/entries", {"title": title})
    assert sent.status_code == 201, sent.text
    return sent.json()["id"]


async def _criteria_ids(person: Person, slug: str) -> tuple[str, str]:
    listed = (await person.get(f"/campaigns/{slug}/criteria")).json()["criteria"]
    return listed[0]["id"], listed[1]["id"]


async def _move(manager: Person, slug: str, phase: str) -> None:
    moved = await manager.post(f"/campaigns/{slug}/phase", {"phase": phase})
    assert moved.status_code == 200, moved.text


async def _jury(manager: Person, slug: str, *judges: Person) -> None:
    assert (await manager.put(f"/campaigns/{slug}/criteria", {"criteria": CRITERIA})
            ).status_code == 200
    for judge in judges:
        added = await manager.post(f"/campaigns/{slug}/judges", {"handle": judge.handle})
        assert added.status_code == 201, added.text


def _fields(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return response.json()["error"]["fields"]


async def test_judges_score_and_the_results_reveal_the_weighted_average(client, make_client):
    manager = await sign_up(client, "Manager")
    slug = await _campaign(manager, voting_mode="jury")
    campaign = (await manager.get(f"/campaigns/{slug}")).json()
    assert campaign["voting_mode"] == "jury" and campaign["jury_weight"] == 100
    assert campaign["takes_votes"] is False
    ada, bo, fan, other = [await sign_up(make_client(), name)
                           for name in ("Ada Judge", "Bo Judge", "Fan", "Other fan")]
    set_up = await manager.put(f"/campaigns/{slug}/criteria", {"criteria": CRITERIA})
    assert set_up.status_code == 200 and set_up.json()["locked"] is False
    assert [(c["name"], c["weight"]) for c in set_up.json()["criteria"]] == [
        ("Originality", 3), ("Feasibility", 1)]
    await _jury(manager, slug, ada, bo)
    first, second = await _idea(fan, slug, "Solar kiosk"), await _idea(other, slug, "Rain bank")
    original, feasible = await _criteria_ids(fan, slug)

    early = await ada.put(f"/entries/{first}/jury-score", {"scores": {original: 8, feasible: 4}})
    assert early.status_code == 403 and "voting or judging" in early.json()["error"]["message"]
    await _move(manager, slug, "voting")
    scored = await ada.put(f"/entries/{first}/jury-score", {"scores": {original: 8, feasible: 4}})
    assert scored.status_code == 200, scored.text
    assert scored.json()["judge_score"] == 7.0  # (3 × 8 + 1 × 4) / 4
    assert (scored.json()["scored"], scored.json()["total"]) == (1, 2)
    await bo.put(f"/entries/{first}/jury-score", {"scores": {original: 5, feasible: 9}})  # 6
    await ada.put(f"/entries/{second}/jury-score", {"scores": {original: 10, feasible: 10}})

    assert (await fan.get(f"/entries/{first}")).json()["jury_score"] is None
    assert (await client.get(f"/api/v1/campaigns/{slug}/results")).status_code == 403
    assert (await manager.get(f"/entries/{first}")).json()["jury_score"] == 6.5
    queue = (await bo.get(f"/campaigns/{slug}/jury")).json()
    assert queue["judges"] is None and queue["ranking"] is None
    assert [e["scores"] for e in queue["queue"]["entries"]] == [
        {original: 5, feasible: 9}, {}]
    assert queue["queue"]["entries"][0]["entry"]["jury_score"] is None  # only their own
    progress = (await manager.get(f"/campaigns/{slug}/jury")).json()
    assert {(j["user"]["handle"], j["scored"], j["total"]) for j in progress["judges"]} == {
        (ada.handle, 2, 2), (bo.handle, 1, 2)}
    assert [(r["entry"]["id"], r["final_score"]) for r in progress["ranking"]] == [
        (second, 100.0), (first, 65.0)]
    assert (await fan.get(f"/campaigns/{slug}/jury")).status_code == 403

    locked = await manager.put(f"/campaigns/{slug}/criteria", {"criteria": CRITERIA[:1]})
    assert locked.status_code == 409 and "started scoring" in locked.json()["error"]["message"]
    again = await ada.put(f"/entries/{first}/jury-score", {"scores": {original: 9, feasible: 5}})
    assert again.json()["judge_score"] == 8.0
    assert (await Entry.get(id=first)).jury_score == 7.0 == (await jury.recompute(first))[0]

    await _move(manager, slug, "judging")
    await _move(manager, slug, "results")
    results = (await client.get(f"/api/v1/campaigns/{slug}/results")).json()
    assert results["final"] is True and results["jury_weight"] == 100
    assert [(r["entry"]["id"], r["jury_score"], r["jury_judges"], r["final_score"])
            for r in results["rows"]] == [(second, 10.0, 1, 100.0), (first, 7.0, 2, 70.0)]
    public = (await client.get(f"/api/v1/entries/{first}")).json()
    assert (public["jury_score"], public["final_score"]) == (7.0, 70.0)
    top = (await client.get(f"/api/v1/campaigns/{slug}/entries?sort=top&limit=1")).json()
    assert top["entries"][0]["id"] == second and top["next_cursor"]
    rest = await client.get(f"/api/v1/campaigns/{slug}/entries?sort=top&limit=1&cursor="
                            f"{top['next_cursor']}")
    assert [e["id"] for e in rest.json()["entries"]] == [first]
    late = await ada.put(f"/entries/{first}/jury-score", {"scores": {original: 1, feasible: 1}})
    assert late.status_code == 403
    fixed = await manager.post(f"/campaigns/{slug}/judges", {"handle": fan.handle})
    assert fixed.status_code == 403
    assert await reconcile() == []


async def test_bad_scores_and_the_wrong_people_are_refused_and_write_nothing(
        client, make_client):
    manager = await sign_up(client, "Manager")
    slug = await _campaign(manager, voting_mode="jury")
    judge, fan = await sign_up(make_client(), "Judge"), await sign_up(make_client(), "Fan")
    await _jury(manager, slug, judge)
    theirs, own = await _idea(fan, slug, "Fan's idea"), await _idea(judge, slug, "Judge's idea")
    original, feasible = await _criteria_ids(fan, slug)
    await _move(manager, slug, "voting")

    not_judge = await fan.put(f"/entries/{theirs}/jury-score",
                              {"scores": {original: 5, feasible: 5}})
    assert not_judge.status_code == 403 and "Only the judges" in not_judge.text
    mine = await judge.put(f"/entries/{own}/jury-score", {"scores": {original: 5, feasible: 5}})
    assert mine.status_code == 403 and "your own entry" in mine.text
    for scores, field in (({original: 0, feasible: 5}, f"scores.{original}"),
                          ({original: 5, feasible: 11}, f"scores.{feasible}"),
                          ({original: 5}, f"scores.{feasible}"),
                          ({original: 5, feasible: 5, "nope": 3}, "scores"),
                          ({original: 5.5, feasible: 5}, f"scores.{original}")):
        bad = await judge.put(f"/entries/{theirs}/jury-score", {"scores": scores})
        assert bad.status_code == 422 and field in _fields(bad), (scores, bad.text)
    assert not await JuryScore.exists(entry_id__in=[theirs, own])
    entry = await Entry.get(id=theirs)
    assert (entry.jury_score, entry.jury_judges) == (None, 0)
    queue = (await judge.get(f"/campaigns/{slug}/jury")).json()["queue"]
    assert [e["entry"]["id"] for e in queue["entries"]] == [theirs]  # not their own

    outsider = await fan.put(f"/campaigns/{slug}/criteria", {"criteria": CRITERIA})
    assert outsider.status_code == 403
    for criteria, field in (([], "criteria"), ([{"name": "A"}] * 2, "criteria.1.name"),
                            ([{"name": "A", "weight": 0}], "criteria.0.weight"),
                            ([{"name": " "}], "criteria.0.name"),
                            ([{"name": f"C{n}"} for n in range(11)], "criteria")):
        bad = await manager.put(f"/campaigns/{slug}/criteria", {"criteria": criteria})
        assert bad.status_code == 422 and field in _fields(bad), (criteria, bad.text)
    unknown = await manager.post(f"/campaigns/{slug}/judges", {"handle": "no-such-person"})
    assert unknown.status_code == 422 and "handle" in _fields(unknown)
    twice = await manager.post(f"/campaigns/{slug}/judges", {"handle": judge.handle})
    assert twice.status_code == 409

    no_jury = await _campaign(manager)
    await _jury(manager, no_jury, judge)
    plain = await _idea(fan, no_jury, "No jury here")
    await _move(manager, no_jury, "voting")
    ids = await _criteria_ids(fan, no_jury)
    refused = await judge.put(f"/entries/{plain}/jury-score", {"scores": dict.fromkeys(ids, 5)})
    assert refused.status_code == 403 and "no jury" in refused.text
    for weight in (100, -1):
        wrong = await manager.patch(f"/campaigns/{no_jury}", {"jury_weight": weight})
        assert wrong.status_code == 422 and "jury_weight" in _fields(wrong)


async def test_public_votes_and_the_jury_combine_by_their_weights(client, make_client):
    manager = await sign_up(client, "Manager")
    slug = await _campaign(manager, jury_weight=70)
    judge, fan, rival = [await sign_up(make_client(), n) for n in ("Judge", "Fan", "Rival")]
    await _jury(manager, slug, judge)
    popular, clever = await _idea(fan, slug, "Popular"), await _idea(rival, slug, "Clever")
    unseen = await _idea(rival, slug, "Unseen")
    await _move(manager, slug, "voting")
    voters = await asyncio.gather(*(sign_up(make_client(), f"Voter {n}") for n in range(4)))
    for voter in voters:
        assert (await voter.put(f"/entries/{popular}/vote")).status_code == 200
    assert (await voters[0].put(f"/entries/{clever}/vote")).status_code == 200
    original, feasible = await _criteria_ids(fan, slug)
    await judge.put(f"/entries/{popular}/jury-score", {"scores": {original: 5, feasible: 5}})
    await judge.put(f"/entries/{clever}/jury-score", {"scores": {original: 9, feasible: 9}})
    listed = (await client.get(f"/api/v1/campaigns/{slug}/entries?sort=top")).json()
    assert [e["id"] for e in listed["entries"]][:2] == [popular, clever]  # votes until results
    changed = await manager.patch(f"/campaigns/{slug}", {"jury_weight": 70})
    assert changed.status_code == 200

    await _move(manager, slug, "results")
    rows = (await client.get(f"/api/v1/campaigns/{slug}/results")).json()["rows"]
    # clever: 100 × (0.7 × 9/10 + 0.3 × 1/4) = 70.5; popular: 100 × (0.7 × 5/10 + 0.3 × 4/4) = 65
    assert [(r["entry"]["id"], round(r["final_score"], 6), r["votes"]) for r in rows] == [
        (clever, 70.5, 1), (popular, 65.0, 4), (unseen, 0.0, 0)]
    listed = (await client.get(f"/api/v1/campaigns/{slug}/entries?sort=top")).json()
    assert [e["id"] for e in listed["entries"]] == [clever, popular, unseen]
    frozen = await manager.patch(f"/campaigns/{slug}", {"jury_weight": 10})
    assert frozen.status_code == 422 and "jury_weight" in _fields(frozen)
    await _move(manager, slug, "judging")  # back, and out again: the same, recomputed
    await _move(manager, slug, "results")
    again = (await client.get(f"/api/v1/campaigns/{slug}/results")).json()["rows"]
    assert [r["entry"]["id"] for r in again] == [clever, popular, unseen]


async def test_judges_scoring_at_once_and_a_removed_judge_keep_the_score_equal_to_the_ledger(
        client, make_client):
    manager = await sign_up(client, "Manager")
    slug = await _campaign(manager, voting_mode="jury")
    judges = await asyncio.gather(*(sign_up(make_client(), f"Judge {n}") for n in range(4)))
    await _jury(manager, slug, *judges)
    fan = await sign_up(make_client(), "Fan")
    ideas = [await _idea(fan, slug, f"Idea {n}") for n in range(2)]
    original, feasible = await _criteria_ids(fan, slug)
    await _move(manager, slug, "voting")
    for round_ in range(3):
        answers = await asyncio.gather(*(
            judge.put(f"/entries/{idea}/jury-score",
                      {"scores": {original: 1 + (n + round_) % 10, feasible: 10 - n}})
            for n, judge in enumerate(judges) for idea in ideas))
        assert {a.status_code for a in answers} == {200}, [a.text for a in answers]
    for idea in ideas:
        entry = await Entry.get(id=idea)
        assert (entry.jury_score, entry.jury_judges) == await jury.recompute(idea)
        assert entry.jury_judges == 4
    gone = next(j for j in (await manager.get(f"/campaigns/{slug}/judges")).json()["judges"]
                if j["user"]["handle"] == judges[0].handle)
    removed = await manager.delete(f"/campaigns/{slug}/judges/{gone['id']}")
    assert removed.status_code == 200 and len(removed.json()["judges"]) == 3
    for idea in ideas:
        entry = await Entry.get(id=idea)
        assert entry.jury_judges == 3
        assert (entry.jury_score, entry.jury_judges) == await jury.recompute(idea)
    assert await reconcile() == []

    expected = (await Entry.get(id=ideas[0])).jury_score
    await Entry.filter(id=ideas[0]).update(jury_score=1.5, jury_judges=9)
    found = await reconcile(repair=True)
    assert set(found) == {Difference("entries.jury_score", ideas[0], 1.5, expected),
                          Difference("entries.jury_judges", ideas[0], 9, 3)}
    assert await reconcile() == []


async def test_the_jury_through_the_pages_with_and_without_javascript(client, app):
    manager = Browser(client)
    await manager.sign_up("Maya Manager")
    org_path = await manager.create_org("Tasty Co")
    campaign_path = await manager.launch_campaign(org_path, "Snack of the year",
                                                  voting_mode="jury")
    jury_path = f"{campaign_path}/jury"
    assert f'href="{jury_path}"' in (await manager.get(f"{campaign_path}/manage")).text
    assert "Add a judge" in (await manager.get(jury_path)).text
    twins = await manager.post(f"{jury_path}/criteria", {
        "criterion_1_name": "Taste", "criterion_1_weight": "2",
        "criterion_2_name": "taste", "criterion_2_weight": "1"})
    assert twins.status_code == 422 and "Each criterion needs its own name." in twins.text
    assert 'value="taste"' in twins.text  # what was typed is kept
    saved = await manager.post(f"{jury_path}/criteria", {
        "criterion_1_name": "Taste", "criterion_1_weight": "2",
        "criterion_2_name": "Looks", "criterion_2_weight": "1", "criterion_3_name": ""})
    assert saved.status_code == 303 and saved.headers["location"] == f"{jury_path}#criteria"

    async with new_client(app) as judge_client, new_client(app) as fan_client:
        judge, fan = Browser(judge_client), Browser(fan_client)
        await judge.sign_up("Jules Judge")
        await fan.sign_up("Finn Fan")
        handle = (await User.get(email=judge.email)).handle
        named = await manager.post(f"{jury_path}/judges", {"handle": handle})
        assert named.status_code == 303
        entry_path = await fan.submit_idea(campaign_path, "Crunchy kale")
        entry_id = entry_path.removeprefix("/e/")
        assert "A jury scores the entries" in (await fan.get(campaign_path)).text
        await manager.post(f"{campaign_path}/phase", {"phase": "voting"})
        gallery = await fan.get(campaign_path)
        assert "Judged by a jury: scores are revealed with the results" in gallery.text
        assert 'class="vote-form"' not in gallery.text and "Top ten" not in gallery.text

        scoring = await judge.get(f"{campaign_path}/judge")
        assert scoring.status_code == 200 and "Crunchy kale" in scoring.text
        assert "0 of 1</strong> entry scored" in scoring.text
        taste, looks = re.findall(r'name="score_([a-z0-9]+)"', scoring.text)
        plain = await judge.post(f"{campaign_path}/judge/{entry_id}",
                                 {f"score_{taste}": "5", f"score_{looks}": "5"})
        assert plain.status_code == 303
        assert plain.headers["location"].startswith(f"{campaign_path}/judge?saved={entry_id}")
        swapped = await judge.post(f"{campaign_path}/judge/{entry_id}",
                                   {f"score_{taste}": "9", f"score_{looks}": "6"}, htmx=True)
        assert swapped.status_code == 200 and "<html" not in swapped.text
        assert "Saved." in swapped.text and "your score 8.0/10" in swapped.text
        assert 'hx-swap-oob="true"' in swapped.text and "1 of 1</strong>" in swapped.text
        half = await judge.post(f"{campaign_path}/judge/{entry_id}", {f"score_{taste}": "2"},
                                htmx=True)
        assert half.status_code == 422 and "Score Looks from 1 to 10." in half.text
        assert (await Entry.get(id=entry_id)).jury_score == 8.0  # unchanged
        assert 'id="jury-title"' not in (await fan.get(entry_path)).text

        progress = await manager.get(jury_path)
        assert "1 of 1 scored" in progress.text and "Ranking so far" in progress.text
        assert "8.0/10" in progress.text
        for phase in ("judging", "results"):
            await manager.post(f"{campaign_path}/phase", {"phase": phase})
        results = await fan.get(campaign_path)
        assert 'id="results-title">Results' in results.text and "80.0" in results.text
        assert gallery_ids(results.text) == [entry_id]
        shown = await fan.get(entry_path)
        assert 'id="jury-title"' in shown.text and "8.0/10</strong> from 1 judge" in shown.text
    log = (await manager.get(f"{org_path}/audit")).text
    assert "Taste ×2, Looks ×1" in log and "Made Jules Judge a judge" in log
    assert await reconcile() == []
