"""The operator's `cocreate` command."""

from __future__ import annotations

import pytest

from tests import services
from tests.people import sign_up


async def test_user_create_makes_a_manager_of_an_organization(client, settings_env):
    owner = await sign_up(client, "Owner")
    org = (await owner.post("/orgs", {"name": "CLI Brand", "kind": "brand"})).json()
    done = services.run_cocreate([
        "user", "create", "--email", "cli.manager@example.test", "--password", "long enough pw",
        "--name", "Cli Manager", "--org", org["slug"], "--role", "manager",
    ], settings_env)
    assert "Created Cli Manager" in done.stdout
    token = await client.post("/api/v1/auth/token", json={
        "email": "cli.manager@example.test", "password": "long enough pw"})
    headers = {"Authorization": f"Bearer {token.json()['token']}"}
    launched = await client.post(f"/api/v1/orgs/{org['slug']}/campaigns", headers=headers, json={
        "title": "Made by the CLI manager", "kind": "idea", "description": "Hello"})
    assert launched.status_code == 201


def test_user_create_explains_bad_input(settings_env):
    with pytest.raises(RuntimeError, match="Use at least 10 characters"):
        services.run_cocreate(["user", "create", "--email", "x@example.test",
                               "--password", "short", "--name", "X"], settings_env)


def test_production_refuses_to_start_with_the_development_secret(settings_env):
    env = {**settings_env, "ENVIRONMENT": "production"}
    env.pop("SECRET_KEY")
    with pytest.raises(RuntimeError, match="SECRET_KEY must be set"):
        services.run_cocreate(["migrate"], env)
