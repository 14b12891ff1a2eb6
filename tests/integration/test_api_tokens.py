"""API tokens over HTTP, the way a person scripting against cocreate meets them: made with a
name, listed with their last use (never the secret again), revoked one by one or all at once,
and a token that expired or was revoked answered with a 401 that says so."""

from __future__ import annotations

import importlib
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import asyncpg
from tortoise.backends.asyncpg import AsyncpgDBClient
from tortoise.migrations.schema_editor.asyncpg import AsyncpgSchemaEditor

from cocreate.models import AuthToken
from tests import services
from tests.browser import Browser, new_client
from tests.people import PASSWORD, Person, sign_up

SECRET = re.compile(r'<input id="new-token" class="token-secret" type="text" value="([^"]+)"')
ROW = re.compile(r'<tr id="token-([a-z0-9]+)">(.*?)</tr>', re.S)


async def _token(person: Person, name: str | None = None) -> dict:
    body = {"email": person.email, "password": PASSWORD, **({"name": name} if name else {})}
    made = await person.client.post("/api/v1/auth/token", json=body)
    assert made.status_code == 200, made.text
    return made.json()


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def test_a_person_makes_lists_uses_and_revokes_their_tokens(client, make_client):
    ana = await sign_up(client, "Ana Script")
    laptop = await _token(ana, "laptop")
    ci = await _token(ana)
    assert laptop["name"] == "laptop" and ci["name"] == "API token"
    made_at = datetime.fromisoformat(laptop["created_at"])
    expires = datetime.fromisoformat(laptop["expires_at"])
    assert round((expires - made_at) / timedelta(days=1)) == 90
    assert laptop["last_used_at"] is None and laptop["expired"] is False

    me = await client.get("/api/v1/me", headers=_bearer(laptop["token"]))
    assert me.status_code == 200 and me.json()["handle"] == ana.handle

    listed = await ana.get("/auth/tokens")
    assert listed.status_code == 200
    tokens = {t["id"]: t for t in listed.json()["tokens"]}
    assert {laptop["id"], ci["id"]} <= set(tokens)
    assert tokens[laptop["id"]]["last_used_at"] is not None  # the use above
    assert tokens[ci["id"]]["last_used_at"] is None
    assert laptop["token"] not in listed.text and ci["token"] not in listed.text
    assert all("token" not in t for t in listed.json()["tokens"])

    bo = await sign_up(make_client(), "Bo Other")
    not_bos = await bo.delete(f"/auth/tokens/{laptop['id']}")
    assert not_bos.status_code == 404
    assert (await client.get("/api/v1/me", headers=_bearer(laptop["token"]))).status_code == 200

    revoked = await ana.delete(f"/auth/tokens/{laptop['id']}")
    assert revoked.status_code == 200 and revoked.json()["id"] == laptop["id"]
    refused = await client.get("/api/v1/me", headers=_bearer(laptop["token"]))
    assert refused.status_code == 401
    assert "revoked" in refused.json()["error"]["message"]
    assert (await ana.delete(f"/auth/tokens/{laptop['id']}")).status_code == 404
    assert laptop["id"] not in {t["id"] for t in (await ana.get("/auth/tokens")).json()["tokens"]}
    assert (await client.get("/api/v1/me", headers=_bearer(ci["token"]))).status_code == 200

    everything = await ana.delete("/auth/tokens")
    assert everything.status_code == 200 and everything.json()["revoked"] == 2  # ci and sign_up's
    for secret in (ci["token"], ana.token):
        gone = await client.get("/api/v1/me", headers=_bearer(secret))
        assert gone.status_code == 401 and "revoked" in gone.json()["error"]["message"]
    assert (await bo.get("/me")).status_code == 200  # nobody else's


async def test_an_expired_token_answers_401_saying_so(client):
    ana = await sign_up(client, "Ana Late")
    await AuthToken.filter(id=(await _token(ana, "old"))["id"]).update(
        expires_at=datetime.now(UTC) - timedelta(minutes=1))
    old = (await ana.get("/auth/tokens")).json()["tokens"][0]
    assert old["name"] == "old" and old["expired"] is True

    made = await _token(ana, "soon old")
    await AuthToken.filter(id=made["id"]).update(
        expires_at=datetime.now(UTC) - timedelta(minutes=1))
    refused = await client.get("/api/v1/me", headers=_bearer(made["token"]))
    assert refused.status_code == 401
    assert "expired on" in refused.json()["error"]["message"]
    unknown = await client.get("/api/v1/me", headers=_bearer("made-up-token"))
    assert unknown.status_code == 401 and "not valid" in unknown.json()["error"]["message"]


async def test_a_token_name_over_its_limit_is_a_422_and_makes_no_token(client):
    ana = await sign_up(client, "Ana Long")
    before = len((await ana.get("/auth/tokens")).json()["tokens"])
    long = await client.post("/api/v1/auth/token", json={
        "email": ana.email, "password": PASSWORD, "name": "x" * 81})
    assert long.status_code == 422 and "name" in long.json()["error"]["fields"]
    assert len((await ana.get("/auth/tokens")).json()["tokens"]) == before


async def test_the_api_document_declares_the_token_endpoints_and_their_errors(client):
    paths = (await client.get("/api/v1/openapi.json")).json()["paths"]
    assert set(paths["/auth/tokens"]) == {"get", "delete"}
    revoke_one = paths["/auth/tokens/{token}"]["delete"]["responses"]
    assert {"200", "401", "404"} <= set(revoke_one)
    assert "expires" in paths["/auth/token"]["post"]["summary"]


MIGRATION = importlib.import_module("cocreate.migrations.0026_api_tokens")
USERS = ("INSERT INTO users (id, handle, email, password_hash, display_name, bio, email_digest, "
         "created_at) VALUES ('u1', 'old', 'old@example.test', 'x', 'Old', '', false, "
         "'2026-01-01 00:00:00+00:00')")
TOKENS = ("INSERT INTO auth_tokens (id, user_id, kind, token_hash, created_at) VALUES "
          "('t1', 'u1', 'api', 'digest', '2026-01-01 00:00:00+00:00'), "
          "('s1', 'u1', 'session', 'session-digest', '2026-01-01 00:00:00+00:00')")
READ = "SELECT kind, name, expires_at, revoked_at FROM auth_tokens"


async def _give_expiry_on_a_copy(url_of_copy: str) -> dict[str, tuple]:
    """Rows as they were before 0026 (an API token with no expiry, a session), then the
    migration's data step run by Tortoise's own PostgreSQL schema editor on them."""
    db = await asyncpg.connect(url_of_copy)
    try:
        await db.execute(USERS)
        await db.execute(TOKENS)
        parts = urlsplit(url_of_copy)
        client = AsyncpgDBClient(user=parts.username, password=parts.password,
                                 host=parts.hostname, port=parts.port or 5432,
                                 database=parts.path.lstrip("/"),
                                 connection_name="tokens-migration")
        await client.create_connection(with_db=True)
        try:
            await MIGRATION.expire_existing_tokens(None, AsyncpgSchemaEditor(client))
        finally:
            await client.close()
        return {row["kind"]: (row["name"], row["expires_at"], row["revoked_at"])
                for row in await db.fetch(READ)}
    finally:
        await db.close()


async def test_tokens_made_before_expiry_existed_get_one_and_keep_working(database_url):
    """The migration gives every existing permanent API token a name and the default expiry
    (on a copy of the migrated database, so no other test's rows are touched)."""
    name = services.new_database_name("cocreate_tokens")
    admin = await asyncpg.connect(services.ADMIN_DATABASE_URL)
    await admin.execute("SELECT pg_advisory_lock(hashtext('cocreate test templates'))")
    try:
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE '
                            f'"cocreate_template_{services.schema_key()}"')
    finally:
        await admin.execute("SELECT pg_advisory_unlock(hashtext('cocreate test templates'))")
    try:
        rows = await _give_expiry_on_a_copy(services.database_url(name))
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
    name, expires, revoked = rows["api"]
    assert (name, revoked) == ("API token", None)
    assert timedelta(days=89) < expires - datetime.now(UTC) <= timedelta(days=90)
    assert rows["session"] == ("", None, None)  # sessions keep their own expiry


async def test_the_api_tokens_page_makes_shows_once_lists_and_revokes(app, client):
    ana = await sign_up(client, "Ana Pages")
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": ana.email, "password": PASSWORD})
        profile = await browser.get(f"/u/{ana.handle}")
        assert 'href="/me/tokens"' in profile.text
        empty = await browser.get("/me/tokens")
        assert empty.status_code == 200 and "Works for 90 days" not in empty.text
        assert "90 days" in empty.text

        made = await browser.post("/me/tokens", {"name": "backup robot"})
        assert made.status_code == 201 and made.headers["cache-control"] == "no-store"
        secret = SECRET.search(made.text).group(1)
        assert "only time it is shown" in made.text
        me = await client.get("/api/v1/me", headers=_bearer(secret))
        assert me.status_code == 200 and me.json()["handle"] == ana.handle

        listed = await browser.get("/me/tokens")
        assert "backup robot" in listed.text and secret not in listed.text
        [row] = [r for r in ROW.findall(listed.text) if "backup robot" in r[1]]
        assert "Never" not in row[1].split("</td>")[2]  # last used: the call above

        htmx = await browser.post("/me/tokens", {"name": ""}, htmx=True)
        assert htmx.status_code == 201 and "<html" not in htmx.text
        assert "“API token” is ready" in htmx.text
        too_long = await browser.post("/me/tokens", {"name": "x" * 81}, htmx=True)
        assert too_long.status_code == 422 and "at most 80 characters" in too_long.text

        forged = await browser.post(f"/me/tokens/{row[0]}/revoke", {}, csrf=False)
        assert forged.status_code == 403
        assert (await client.get("/api/v1/me", headers=_bearer(secret))).status_code == 200
        revoked = await browser.post(f"/me/tokens/{row[0]}/revoke", {})
        assert revoked.status_code == 303
        assert revoked.headers["location"] == "/me/tokens?done=revoked"
        gone = await client.get("/api/v1/me", headers=_bearer(secret))
        assert gone.status_code == 401 and "revoked" in gone.json()["error"]["message"]
        after = await browser.get(revoked.headers["location"])
        assert "Token revoked" in after.text and "backup robot" not in after.text

        bo = await sign_up(client, "Bo Pages")
        bos = (await bo.get("/auth/tokens")).json()["tokens"][0]["id"]
        not_hers = await browser.post(f"/me/tokens/{bos}/revoke", {})
        assert not_hers.status_code == 404
        assert (await bo.get("/me")).status_code == 200

        everything = await browser.post("/me/tokens/revoke-all", {})
        assert everything.status_code == 303
        assert "No tokens" in (await browser.get("/me/tokens")).text
        assert (await ana.get("/me")).status_code == 401  # the one sign_up made, too
        assert (await bo.get("/me")).status_code == 200

    assert (await client.get("/me/tokens")).status_code in (302, 303)  # signed out: log in


async def test_a_token_id_of_any_shape_is_a_404_not_a_500(client):
    ana = await sign_up(client, "Ana Shapes")
    for odd in ("x" * 17, "a" * 300, "2026-01-01", "%00", "UPPER"):
        answer = await ana.delete(f"/auth/tokens/{odd}")
        assert answer.status_code == 404, (odd, answer.status_code, answer.text[:200])
    assert (await ana.get("/me")).status_code == 200
