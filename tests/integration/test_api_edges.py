"""Input at the edges: identifiers of the wrong shape, deeply nested JSON, loose types and the
order of checks answer a clear 4xx, the same way on every route, never a 500."""

from __future__ import annotations

from starlette.routing import Mount, Route

from cocreate.http import ShapeConvertor
from tests.browser import Browser
from tests.people import launch_campaign, sign_up

LONG_ENTRY_ID = "abcdefghijklmnopq"  # 17 characters: one more than any id
DATE_LIKE_ID = "2026-12-02"
LONG_INVITE = "A" * 25
HUGE = "x" * 100_000
LONG_PATH_PART = "x" * 60_000  # an address holds at most 64 KB (httpx's limit)
# Path parameters that are not looked up as a column of one shape: links' tokens are checked by
# their signature, reaction kinds and payment providers are a fixed list, a key id is a
# thumbprint, an embed names a page by its kind and key.
FREE_PARAMETERS = {("/verify/{token}", "token"), ("/unsubscribe/{token}", "token"),
                   "kind", "provider", "kid", "key"}


def _error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text[:500]
    error = response.json()["error"]
    if code:
        assert error["code"] == code
    return error


def _all_routes(routes, prefix: str = ""):  # type: ignore[no-untyped-def]
    for route in routes:
        if isinstance(route, Mount):
            yield from _all_routes(route.routes, prefix + route.path)
        elif isinstance(route, Route):
            yield prefix + route.path, route


def test_every_path_parameter_of_every_route_has_a_shape(app):
    unshaped = [f"{path} {{{name}}}" for path, route in _all_routes(app.routes)
                for name, convertor in route.param_convertors.items()
                if name not in FREE_PARAMETERS and (path, name) not in FREE_PARAMETERS
                and not isinstance(convertor, ShapeConvertor)]
    assert unshaped == []


async def test_ids_of_the_wrong_shape_are_404_on_the_api_and_on_pages(client):
    for path in (f"/api/v1/entries/{LONG_ENTRY_ID}", f"/api/v1/media/{DATE_LIKE_ID}",
                 f"/api/v1/auth/tokens/{LONG_ENTRY_ID}",
                 f"/api/v1/users/{LONG_PATH_PART}", f"/api/v1/campaigns/{LONG_PATH_PART}",
                 f"/api/v1/teams/{LONG_ENTRY_ID}", f"/api/v1/gifts/{LONG_ENTRY_ID}"):
        _error(await client.get(path), 404, "not_found")
    for path in (f"/e/{LONG_ENTRY_ID}", f"/u/{LONG_PATH_PART}", f"/join/{LONG_INVITE}",
                 f"/t/{LONG_ENTRY_ID}", f"/c/{LONG_PATH_PART}", f"/b/{LONG_ENTRY_ID}",
                 f"/ob/issuers/{LONG_ENTRY_ID}"):
        page = await client.get(path)
        assert page.status_code == 404, path


async def test_ids_of_the_wrong_shape_in_a_body_are_422_naming_the_field(client):
    manager = await sign_up(client, "Edge Manager")
    campaign = await launch_campaign(manager)
    org = (await manager.get(f"/campaigns/{campaign['slug']}")).json()["org"]["slug"]
    fan = await sign_up(client, "Edge Fan")
    entry = (await fan.post(f"/campaigns/{campaign['slug']}/entries",
                            {"title": "Edge idea", "body": ""})).json()

    joined = await fan.post("/teams/join", {"code": LONG_INVITE})
    assert "code" in _error(joined, 422)["fields"]
    member = await manager.post(f"/orgs/{org}/members", {"email": HUGE + "@x.test",
                                                         "role": "manager"})
    assert "email" in _error(member, 422)["fields"]
    merged = await manager.post(f"/entries/{entry['id']}/merge", {"into": LONG_ENTRY_ID})
    assert "into" in _error(merged, 422)["fields"]
    judge = await manager.post(f"/campaigns/{campaign['slug']}/judges", {"handle": HUGE})
    assert "handle" in _error(judge, 422)["fields"]


async def test_pages_and_forms_answer_4xx_to_ids_of_the_wrong_shape(app, client):
    manager = await sign_up(client, "Form Manager")
    campaign = await launch_campaign(manager)
    org = (await manager.get(f"/campaigns/{campaign['slug']}")).json()["org"]["slug"]
    entry = (await manager.post(f"/campaigns/{campaign['slug']}/entries",
                                {"title": "Form idea", "body": ""})).json()
    browser = await Browser(client).log_in(manager.email)

    oembed = await client.get("/oembed", params={"url": f"http://testserver/e/{LONG_ENTRY_ID}"})
    assert 400 <= oembed.status_code < 500
    for path, data in ((f"/e/{entry['id']}/merge", {"into": LONG_ENTRY_ID}),
                       (f"/c/{campaign['slug']}/jury/judges", {"handle": HUGE}),
                       (f"/o/{org}/members", {"email": HUGE, "role": "manager"})):
        answer = await browser.post(path, data)
        assert 400 <= answer.status_code < 500, (path, answer.status_code)


async def test_deeply_nested_json_is_a_400_before_anything_else(client):
    deep = b"[" * 6_000 + b"]" * 6_000  # about 12 KB: once a 500 and a dropped connection
    for path in ("/api/v1/auth/signup", "/api/v1/auth/token"):  # anyone may post here
        answer = await client.post(path, content=deep,
                                   headers={"Content-Type": "application/json"})
        assert "nests" in _error(answer, 400, "bad_json")["message"]
    fan = await sign_up(client, "Deep Fan")
    nested: object = "x"
    for _ in range(40):
        nested = {"a": nested}
    answer = await client.patch("/api/v1/me", json={"bio": nested}, headers=fan.auth)
    _error(answer, 400, "bad_json")
    shallow = await client.patch("/api/v1/me", json={"bio": "Fine."}, headers=fan.auth)
    assert shallow.status_code == 200, shallow.text


async def test_a_body_of_the_wrong_types_is_refused_and_changes_nothing(client):
    manager = await sign_up(client, "Strict Manager")
    campaign = await launch_campaign(manager)
    path = f"/campaigns/{campaign['slug']}"
    for sent, field in (({"opens_at": -1}, "opens_at"), ({"min_age": True}, "min_age"),
                        ({"min_age": "16"}, "min_age"),
                        ({"opens_at": "1969-12-31T23:59:59Z"}, "opens_at")):
        assert field in _error(await manager.patch(path, sent), 422, "invalid")["fields"]
    after = (await manager.get(path)).json()
    assert after["schedule"] == campaign["schedule"] and after["min_age"] is None
    fine = await manager.patch(path, {"min_age": 16})
    assert fine.status_code == 200 and fine.json()["min_age"] == 16


async def test_queries_stay_text_and_are_read_as_numbers(client):
    manager = await sign_up(client, "Query Manager")
    campaign = await launch_campaign(manager)
    listed = await client.get(f"/api/v1/campaigns/{campaign['slug']}/entries",
                              params={"limit": "5"})
    assert listed.status_code == 200, listed.text


async def test_a_fan_sending_a_bad_body_to_a_managers_endpoint_is_told_403(client):
    manager = await sign_up(client, "Order Manager")
    campaign = await launch_campaign(manager)
    org = (await manager.get(f"/campaigns/{campaign['slug']}")).json()["org"]["slug"]
    fan = await sign_up(client, "Curious Fan")
    slug = campaign["slug"]
    for path, method, bad in ((f"/campaigns/{slug}", fan.patch, {"min_age": True}),
                              (f"/campaigns/{slug}/tags", fan.post, {"nonsense": 1}),
                              (f"/campaigns/{slug}/prizes", fan.put, {"prizes": "all"}),
                              (f"/orgs/{org}", fan.patch, {"color": 5}),
                              (f"/orgs/{org}/campaigns", fan.post, {}),
                              (f"/orgs/{org}/members", fan.post, {"email": 7})):
        _error(await method(path, bad), 403, "forbidden")
    entry = (await fan.post(f"/campaigns/{slug}/entries", {"title": "Fan idea", "body": ""})
             ).json()
    for path, method, bad in ((f"/entries/{entry['id']}/moderation", fan.post,
                               {"action": "obliterate"}),
                              (f"/entries/{entry['id']}/merge", fan.post, {"into": 5}),
                              (f"/entries/{entry['id']}/status", fan.put, {"status": []})):
        _error(await method(path, bad), 403, "forbidden")
    _error(await fan.patch("/campaigns/no-such-campaign", {"min_age": True}), 404)
    # the manager with the same bad body learns what is wrong with it
    assert "min_age" in _error(await manager.patch(f"/campaigns/{slug}", {"min_age": True}),
                               422)["fields"]
