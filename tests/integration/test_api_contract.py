"""Bad input gets a clear 4xx in one error shape; the OpenAPI document matches the routes."""

from __future__ import annotations

import re

from starlette.routing import Mount, Route

from cocreate.models import User
from tests.people import PASSWORD, launch_campaign, sign_up


def _error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["message"] and isinstance(error["fields"], dict)
    if code:
        assert error["code"] == code
    return error


async def test_broken_json_is_a_400(client):
    response = await client.post("/api/v1/auth/signup", content=b"{not json",
                                 headers={"Content-Type": "application/json"})
    _error(response, 400, "bad_json")


async def test_invalid_signup_names_each_field_and_creates_nobody(client):
    response = await client.post("/api/v1/auth/signup", json={
        "email": "not-an-email", "password": "short", "display_name": " ",
    })
    error = _error(response, 422, "invalid")
    assert set(error["fields"]) == {"email", "password", "display_name"}
    assert not await User.exists(email="not-an-email")


async def test_missing_and_unknown_fields_are_422(client):
    error = _error(await client.post("/api/v1/auth/signup", json={"email": "a@b.test"}), 422)
    assert {"password", "display_name"} <= set(error["fields"])
    extra = await client.post("/api/v1/auth/token",
                              json={"email": "a@b.test", "password": "x", "admin": True})
    assert "admin" in _error(extra, 422)["fields"]


async def test_a_second_signup_with_the_same_email_is_a_conflict(client):
    fan = await sign_up(client)
    again = await client.post("/api/v1/auth/signup", json={
        "email": fan.email.upper(), "password": PASSWORD, "display_name": "Twin",
    })
    _error(again, 409, "conflict")


async def test_anonymous_writes_are_401_and_unknown_things_404(client):
    _error(await client.post("/api/v1/orgs", json={"name": "X", "kind": "brand"}), 401)
    _error(await client.get("/api/v1/campaigns/no-such-campaign"), 404, "not_found")
    _error(await client.get("/api/v1/entries/nope"), 404)
    _error(await client.get("/api/v1/no/such/route"), 404)


async def test_wrong_token_is_401_and_wrong_password_is_401(client):
    response = await client.get("/api/v1/me", headers={"Authorization": "Bearer forged"})
    _error(response, 401, "unauthenticated")
    fan = await sign_up(client)
    wrong = await client.post("/api/v1/auth/token",
                              json={"email": fan.email, "password": "wrong password!"})
    _error(wrong, 401)


async def test_guessing_passwords_is_rate_limited(client, settings):
    allowed = int(settings.rate_limit_login.split("/")[0])
    statuses = []
    for _ in range(allowed + 1):
        response = await client.post("/api/v1/auth/token",
                                     json={"email": "victim@example.test", "password": "guess"})
        statuses.append(response.status_code)
    assert statuses[:allowed] == [401] * allowed
    _error(response, 429, "rate_limited")


async def test_a_closing_date_in_the_past_is_refused(client):
    manager = await sign_up(client)
    org = (await manager.post("/orgs", {"name": "Past Co", "kind": "brand"})).json()
    response = await manager.post(f"/orgs/{org['slug']}/campaigns", {
        "title": "Too late", "kind": "idea", "description": "x",
        "closes_at": "2001-01-01T00:00:00Z",
    })
    assert "closes_at" in _error(response, 422)["fields"]


async def test_a_huge_body_is_refused_with_413(client):
    response = await client.post("/api/v1/auth/signup", content=b"x" * (300 * 1024),
                                 headers={"Content-Type": "application/json"})
    assert response.status_code == 413


async def test_the_openapi_document_lists_exactly_the_api_routes(app, client):
    document = (await client.get("/api/v1/openapi.json")).json()
    documented = {(method.upper(), path) for path, ops in document["paths"].items()
                  for method in ops}
    api = next(r for r in app.routes if isinstance(r, Mount) and r.path == "/api/v1")
    served = {(method, re.sub(r"{(\w+):\w+}", r"{\1}", route.path))  # {entry:id} is {entry}
              for route in api.routes if isinstance(route, Route)
              for method in (route.methods or ()) if method != "HEAD"}
    served.discard(("GET", "/openapi.json"))
    assert documented == served
    for path, ops in document["paths"].items():
        for op in ops.values():
            for ref in re.findall(r'"\$ref": "#/components/schemas/(\w+)"', str(op).replace(
                    "'", '"')):
                assert ref in document["components"]["schemas"], (path, ref)


async def test_responses_carry_the_fields_the_document_promises(client):
    manager = await sign_up(client)
    campaign = await launch_campaign(manager)
    document = (await client.get("/api/v1/openapi.json")).json()
    schema = document["components"]["schemas"]["CampaignOut"]
    served = (await client.get(f"/api/v1/campaigns/{campaign['slug']}")).json()
    assert set(schema["required"]) <= set(served)
    assert set(served) <= set(schema["properties"])


async def test_health_and_readiness(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "storage": "ok", "redis": "ok"}


async def test_every_response_carries_security_headers(client):
    response = await client.get("/healthz")
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
