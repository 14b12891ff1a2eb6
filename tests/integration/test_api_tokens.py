"""API tokens over HTTP, the way a person scripting against cocreate meets them: made with a
name, listed with their last use (never the secret again), revoked one by one or all at once,
and a token that expired or was revoked answered with a 401 that says so."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import UTC, datetime, timedelta

from cocreate.models import AuthToken
from tests import services
from tests.people import PASSWORD, Person, sign_up


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


def test_tokens_made_before_expiry_existed_get_one_and_keep_working(tmp_path):
    """The migration gives every existing permanent token a name and the default expiry."""
    database = tmp_path / "before.sqlite3"
    env = {**{k: v for k, v in os.environ.items()
              if not k.startswith(("S3_", "REDIS_", "AWS_", "DATABASE_"))},
           "DATABASE_URL": f"sqlite://{database}"}
    tortoise = services.ROOT / ".venv" / "bin" / "tortoise"
    subprocess.run([str(tortoise), "migrate", "models", "0025_story_images"], env=env,
                   cwd=services.ROOT, check=True, capture_output=True, timeout=120)
    with sqlite3.connect(database) as db:
        db.execute("INSERT INTO users (id, handle, email, password_hash, display_name, bio, "
                   "email_digest, created_at) VALUES ('u1', 'old', 'old@example.test', 'x', "
                   "'Old', '', 0, '2026-01-01 00:00:00+00:00')")
        db.execute("INSERT INTO auth_tokens (id, user_id, kind, token_hash, created_at) VALUES "
                   "('t1', 'u1', 'api', 'digest', '2026-01-01 00:00:00+00:00'), "
                   "('s1', 'u1', 'session', 'session-digest', '2026-01-01 00:00:00+00:00')")
    services.run_cocreate(["migrate"], env)
    with sqlite3.connect(database) as db:
        rows = dict((kind, (name, expires, revoked)) for kind, name, expires, revoked in db.execute(
            "SELECT kind, name, expires_at, revoked_at FROM auth_tokens"))
    name, expires, revoked = rows["api"]
    assert (name, revoked) == ("API token", None)
    left = datetime.fromisoformat(expires) - datetime.now(UTC)
    assert timedelta(days=89) < left <= timedelta(days=90)
    assert rows["session"] == ("", None, None)  # sessions keep their own expiry
