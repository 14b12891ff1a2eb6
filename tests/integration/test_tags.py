"""Tags on entries: fans pick the campaign's tags or suggest one, managers curate them, the
gallery filters by them, and each tag's count of public entries always matches its rows."""

from __future__ import annotations

from cocreate.services.operations.reconcile import reconcile
from tests.browser import Browser, gallery_ids, new_client
from tests.people import launch_campaign, sign_up


def _slugs(body: dict) -> list[str]:
    return sorted(tag["slug"] for tag in body["tags"])


async def _counts(person, slug: str) -> dict[str, int]:
    listed = (await person.get(f"/campaigns/{slug}/tags")).json()["tags"]
    return {tag["slug"]: tag["entry_count"] for tag in listed}


async def _tag_differences() -> list:
    return [d for d in await reconcile() if d.counter == "tags.entry_count"]


async def test_a_fan_tags_an_idea_and_suggests_a_tag_others_see_once_approved(client,
                                                                               make_client):
    manager = await sign_up(client, "Tag manager")
    slug = (await launch_campaign(manager, "Snack ideas"))["slug"]
    for name, color in (("Vegan", "#2f855a"), ("Low sugar", None), ("Spicy", None)):
        made = await manager.post(f"/campaigns/{slug}/tags", {"name": name, "color": color})
        assert made.status_code == 201, made.text
    fan, other = await sign_up(make_client(), "Tagging fan"), await sign_up(make_client(), "Other")

    entry = await fan.post(f"/campaigns/{slug}/entries", {
        "title": "Chili chocolate bar", "tags": ["vegan", "spicy"], "suggest_tag": "Chocolate"})
    assert entry.status_code == 201, entry.text
    entry_id = entry.json()["id"]
    assert [(t["slug"], t["status"]) for t in entry.json()["tags"]] == [
        ("chocolate", "suggested"), ("spicy", "approved"), ("vegan", "approved")]

    # The suggestion is the fan's own until a manager approves it.
    assert "chocolate" in _slugs((await fan.get(f"/campaigns/{slug}/tags")).json())
    assert "chocolate" not in _slugs((await other.get(f"/campaigns/{slug}/tags")).json())
    assert _slugs((await other.get(f"/entries/{entry_id}")).json()) == ["spicy", "vegan"]
    refused = await other.post(f"/campaigns/{slug}/entries",
                               {"title": "Choc chip", "tags": ["chocolate"]})
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"]["tags"] == (
        "“chocolate” is not one of this campaign's tags.")
    waiting = (await manager.get(f"/campaigns/{slug}/tags")).json()["tags"]
    assert {t["slug"]: t["status"] for t in waiting}["chocolate"] == "suggested"

    assert (await manager.post(f"/campaigns/{slug}/tags/chocolate/approve")).status_code == 200
    assert "chocolate" in _slugs((await other.get(f"/campaigns/{slug}/tags")).json())
    second = await other.post(f"/campaigns/{slug}/entries",
                              {"title": "Choc chip", "tags": ["chocolate"]})
    assert second.status_code == 201, second.text
    assert (await _counts(other, slug))["chocolate"] == 2

    # The gallery filters by tag, over the API and on the page.
    listed = (await other.get(f"/campaigns/{slug}/entries",
                              params={"tag": "spicy", "sort": "new"})).json()
    assert [e["id"] for e in listed["entries"]] == [entry_id]
    page = await client.get(f"/c/{slug}", params={"tag": "chocolate", "sort": "new"})
    assert sorted(gallery_ids(page.text)) == sorted([entry_id, second.json()["id"]])
    page = await client.get(f"/c/{slug}", params={"tag": "spicy", "sort": "new"})
    assert gallery_ids(page.text) == [entry_id]
    assert f'href="/c/{slug}?tag=vegan#gallery-title"' in page.text

    # The author changes the tags later; another fan can't.
    changed = await fan.put(f"/entries/{entry_id}/tags", {"tags": ["chocolate"]})
    assert changed.status_code == 200, changed.text
    assert _slugs(changed.json()) == ["chocolate"]
    assert (await other.put(f"/entries/{entry_id}/tags", {"tags": []})).status_code == 403
    assert await _counts(other, slug) == {"chocolate": 2, "vegan": 0, "low-sugar": 0,
                                          "spicy": 0}
    assert await _tag_differences() == []


async def test_too_many_or_unknown_tags_are_refused_and_nothing_is_written(client, make_client):
    manager = await sign_up(client, "Strict manager")
    slug = (await launch_campaign(manager, "Few tags"))["slug"]
    for name in ("One", "Two", "Three", "Four"):
        await manager.post(f"/campaigns/{slug}/tags", {"name": name})
    fan = await sign_up(make_client(), "Eager fan")
    too_many = await fan.post(f"/campaigns/{slug}/entries", {
        "title": "Everything", "tags": ["one", "two", "three", "four"]})
    assert too_many.status_code == 422
    assert too_many.json()["error"]["fields"]["tags"] == "Choose at most 3 tags."
    plus_one = await fan.post(f"/campaigns/{slug}/entries", {
        "title": "Everything", "tags": ["one", "two", "three"], "suggest_tag": "Five"})
    assert plus_one.status_code == 422
    unknown = await fan.post(f"/campaigns/{slug}/entries",
                             {"title": "Mystery", "tags": ["nope"]})
    assert unknown.status_code == 422
    assert "“nope”" in unknown.json()["error"]["fields"]["tags"]
    assert (await fan.get(f"/campaigns/{slug}/entries")).json()["entries"] == []
    assert "five" not in await _counts(manager, slug)

    entry_id = (await fan.post(f"/campaigns/{slug}/entries",
                               {"title": "Fine", "tags": ["one"]})).json()["id"]
    bad = await fan.put(f"/entries/{entry_id}/tags", {"tags": ["one", "x", "y", "z"]})
    assert bad.status_code == 422 and set(bad.json()["error"]["fields"]) == {"tags"}
    blank = await fan.put(f"/entries/{entry_id}/tags", {"suggest_tag": "!"})
    assert blank.status_code == 422 and "suggest_tag" in blank.json()["error"]["fields"]
    assert _slugs((await fan.get(f"/entries/{entry_id}")).json()) == ["one"]


async def test_only_managers_curate(client, make_client):
    manager = await sign_up(client, "Curator")
    slug = (await launch_campaign(manager, "Curated"))["slug"]
    await manager.post(f"/campaigns/{slug}/tags", {"name": "Keep"})
    fan = await sign_up(make_client(), "Not a manager")
    await fan.post(f"/campaigns/{slug}/entries", {"title": "Mine", "suggest_tag": "Mine"})
    attempts = [
        await fan.post(f"/campaigns/{slug}/tags", {"name": "Sneaky"}),
        await fan.put(f"/campaigns/{slug}/tags/keep", {"name": "Taken"}),
        await fan.post(f"/campaigns/{slug}/tags/mine/approve"),
        await fan.post(f"/campaigns/{slug}/tags/mine/reject"),
        await fan.post(f"/campaigns/{slug}/tags/mine/merge", {"into": "keep"}),
        await fan.delete(f"/campaigns/{slug}/tags/keep"),
    ]
    assert [a.status_code for a in attempts] == [403] * 6
    assert await _counts(manager, slug) == {"keep": 0, "mine": 1}
    duplicate = await manager.post(f"/campaigns/{slug}/tags", {"name": "mine"})
    assert duplicate.status_code == 409 and "approve it instead" in duplicate.text
    assert (await manager.post(f"/campaigns/{slug}/tags", {"name": "x", "color": "red"})
            ).status_code == 422
    renamed = await manager.put(f"/campaigns/{slug}/tags/keep",
                                {"name": "Keeper", "color": "#123456"})
    assert renamed.json()["slug"] == "keeper" and renamed.json()["color"] == "#123456"
    assert (await manager.post(f"/campaigns/{slug}/tags/mine/reject")).status_code == 200
    assert await _counts(manager, slug) == {"keeper": 0}
    assert await _tag_differences() == []


async def test_merging_keeps_each_entry_tagged_once_and_counts_equal_the_rows(client,
                                                                             make_client):
    manager = await sign_up(client, "Merger")
    slug = (await launch_campaign(manager, "Merge ideas"))["slug"]
    for name in ("Sugar free", "No sugar", "Fruity"):
        await manager.post(f"/campaigns/{slug}/tags", {"name": name})
    fan = await sign_up(make_client(), "Merge fan")
    both = (await fan.post(f"/campaigns/{slug}/entries", {
        "title": "Both", "tags": ["sugar-free", "no-sugar"]})).json()["id"]
    only_old = (await fan.post(f"/campaigns/{slug}/entries", {
        "title": "Old only", "tags": ["no-sugar", "fruity"]})).json()["id"]
    hidden = (await fan.post(f"/campaigns/{slug}/entries", {
        "title": "Hidden", "tags": ["no-sugar"]})).json()["id"]
    moderated = await manager.post(f"/entries/{hidden}/moderation",
                                   {"action": "hide", "reason": "Off topic"})
    assert moderated.status_code == 200, moderated.text
    assert (await _counts(manager, slug))["no-sugar"] == 2

    merged = await manager.post(f"/campaigns/{slug}/tags/no-sugar/merge",
                                {"into": "sugar-free"})
    assert merged.status_code == 200, merged.text
    assert merged.json()["entry_count"] == 2  # both public entries, the hidden one not
    assert await _counts(manager, slug) == {"sugar-free": 2, "fruity": 1}
    for entry_id, expected in ((both, ["sugar-free"]), (only_old, ["fruity", "sugar-free"]),
                               (hidden, ["sugar-free"])):
        assert _slugs((await manager.get(f"/entries/{entry_id}")).json()) == expected
    restored = await manager.post(f"/entries/{hidden}/moderation", {"action": "restore"})
    assert restored.status_code == 200, restored.text
    assert (await _counts(manager, slug))["sugar-free"] == 3
    assert (await manager.post(f"/campaigns/{slug}/tags/fruity/merge", {"into": "fruity"})
            ).status_code == 422
    assert (await manager.delete(f"/campaigns/{slug}/tags/fruity")).status_code == 200
    assert _slugs((await fan.get(f"/entries/{only_old}")).json()) == ["sugar-free"]
    assert await _tag_differences() == []


async def test_tags_in_the_browser(app, client):
    async with new_client(app) as manager_http, new_client(app) as fan_http:
        manager, fan = Browser(manager_http), Browser(fan_http)
        await manager.sign_up("Browser curator")
        org = await manager.create_org("Tag Foods")
        campaign = await manager.launch_campaign(org, "Tag it")
        slug = campaign.rsplit("/", 1)[-1]
        curation = await manager.get(f"{campaign}/tags")
        assert curation.status_code == 200 and "Add a tag" in curation.text
        wrong = await manager.post(f"{campaign}/tags", {"name": "", "color": ""}, htmx=True)
        assert wrong.status_code == 422 and 'id="tags-panel"' in wrong.text
        added = await manager.post(f"{campaign}/tags", {"name": "Crunchy", "color": "#aa3300"})
        assert added.status_code == 303

        await fan.sign_up("Browser fan")
        form = await fan.get(campaign)
        assert 'name="tags" value="crunchy"' in form.text
        entry = await fan.post(f"{campaign}/entries", {
            "title": "Crunchy chickpeas", "body": "", "tags": "crunchy",
            "suggest_tag": "Savoury"})
        assert entry.status_code == 303, entry.text
        entry_path = entry.headers["location"]
        shown = (await fan.get(entry_path)).text
        assert "Savoury" in shown and "suggested" in shown
        assert "Savoury" not in (await client.get(entry_path)).text

        moved = await fan.post(f"{entry_path}/tags", {"tags": "savoury"}, htmx=True)
        assert moved.status_code == 200 and 'id="entry-tags"' in moved.text
        approved = await manager.post(f"{campaign}/tags/savoury", {"action": "approve"})
        assert approved.status_code == 303
        assert "Savoury" in (await client.get(entry_path)).text
        page = (await manager.get(f"{campaign}/tags")).text
        assert "Savoury" in page and "1 entry" in page
        merged = await manager.post(f"{campaign}/tags/savoury",
                                    {"action": "merge", "into": "crunchy"}, htmx=True)
        assert merged.status_code == 200 and "Savoury" not in merged.text
        assert (await client.get(f"/api/v1/campaigns/{slug}/tags")).json()["tags"][0][
            "entry_count"] == 1
        outsider = await fan.post(f"{campaign}/tags", {"name": "Mine now"})
        assert outsider.status_code == 403
