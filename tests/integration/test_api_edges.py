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
# Path parameters that are not looked up as a column of one shape: tokens are checked by their
# signature or digest, reaction kinds and payment providers are a fixed list, a key id is a
# thumbprint, an embed names a page by its kind and key.
FREE_PARAMETERS = {"token", "kind", "provider", "kid", "key"}


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
                if name not in FREE_PARAMETERS and not isinstance(convertor, ShapeConvertor)]
    assert unshaped == []


async def test_ids_of_the_wrong_shape_are_404_on_the_api_and_on_pages(client):
    for path in (f"/api/v1/entries/{LONG_ENTRY_ID}", f"/api/v1/media/{DATE_LIKE_ID}",
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
