"""API tokens people manage: named, stored as a hash only, expiring after the setting's days,
their last use recorded at most once a minute, revoked one by one or all at once, and each
refusal saying why the token no longer works."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from tortoise import connections
from tortoise.migrations.schema_editor.sqlite import SqliteSchemaEditor

from cocreate.lib.errors import Invalid, NotFound, RateLimited, Unauthenticated
from cocreate.models import AuthToken
from cocreate.services.accounts import api_tokens
from tests.domain.story import person


async def test_a_token_is_named_expires_after_the_setting_and_keeps_only_its_hash(deps):
    ana = await person("Ana")

    made = await api_tokens.create(deps, ana, "  deploy script ")
    unnamed = await api_tokens.create(deps, ana, None)

    assert (made.token.name, unnamed.token.name) == ("deploy script", "API token")
    days = (made.token.expires_at - made.token.created_at) / timedelta(days=1)
    assert round(days) == deps.settings.api_token_days == 90
    assert not await AuthToken.exists(token_hash=made.secret)  # the secret is not stored
    assert (await api_tokens.bearer(made.secret)).id == ana.id
    for bad in ("x" * 81, "two\nlines", "nul\x00"):
        with pytest.raises(Invalid) as refused:
            await api_tokens.create(deps, ana, bad)
        assert "name" in refused.value.fields
    assert len(await api_tokens.of_user(ana)) == 2


async def test_the_list_is_a_persons_own_newest_first_with_last_use(deps):
    ana, bo = await person("Ana"), await person("Bo")
    first = await api_tokens.create(deps, ana, "laptop")
    second = await api_tokens.create(deps, ana, "ci")
    await api_tokens.create(deps, bo, "bo's")

    await api_tokens.bearer(first.secret)

    listed = await api_tokens.of_user(ana)
    assert [t.name for t in listed] == ["ci", "laptop"]
    used = {t.id: t.last_used_at for t in listed}
    assert used[second.token.id] is None and used[first.token.id] is not None


async def test_a_use_is_written_at_most_once_a_minute(deps):
    ana = await person("Ana")
    made = await api_tokens.create(deps, ana, "busy script")

    await api_tokens.bearer(made.secret)
    first_use = (await AuthToken.get(id=made.token.id)).last_used_at
    await api_tokens.bearer(made.secret)
    assert (await AuthToken.get(id=made.token.id)).last_used_at == first_use

    a_while_ago = datetime.now(UTC) - timedelta(minutes=2)
    await AuthToken.filter(id=made.token.id).update(last_used_at=a_while_ago)
    await api_tokens.bearer(made.secret)
    assert (await AuthToken.get(id=made.token.id)).last_used_at > a_while_ago


async def test_revoked_and_expired_tokens_say_why_they_no_longer_work(deps):
    ana, bo = await person("Ana"), await person("Bo")
    kept, revoked, old = [await api_tokens.create(deps, ana, name)
                          for name in ("kept", "revoked", "old")]
    await AuthToken.filter(id=old.token.id).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1))

    with pytest.raises(NotFound):
        await api_tokens.revoke(deps, bo, revoked.token.id)  # not Bo's
    await api_tokens.revoke(deps, ana, revoked.token.id)
    with pytest.raises(NotFound):
        await api_tokens.revoke(deps, ana, revoked.token.id)  # once is enough

    with pytest.raises(Unauthenticated, match="revoked"):
        await api_tokens.bearer(revoked.secret)
    with pytest.raises(Unauthenticated, match="expired on"):
        await api_tokens.bearer(old.secret)
    with pytest.raises(Unauthenticated, match="not valid"):
        await api_tokens.bearer("made-up")
    assert (await api_tokens.bearer(kept.secret)).id == ana.id
    assert [t.name for t in await api_tokens.of_user(ana)] == ["old", "kept"]


async def test_revoking_all_ends_every_token_of_the_person_and_no_one_elses(deps):
    ana, bo = await person("Ana"), await person("Bo")
    anas = [await api_tokens.create(deps, ana, f"t{n}") for n in range(3)]
    bos = await api_tokens.create(deps, bo, "bo's")

    assert await api_tokens.revoke_all(deps, ana) == 3
    assert await api_tokens.revoke_all(deps, ana) == 0

    assert await api_tokens.of_user(ana) == []
    for made in anas:
        with pytest.raises(Unauthenticated, match="revoked"):
            await api_tokens.bearer(made.secret)
    assert (await api_tokens.bearer(bos.secret)).id == bo.id


async def test_making_and_revoking_tokens_on_the_page_counts_like_logging_in(deps):
    ana = await person("Ana")
    allowed = int(deps.settings.rate_limit_login.split("/")[0])
    for n in range(allowed):
        await api_tokens.create(deps, ana, f"t{n}", limit_key=ana.id)
    with pytest.raises(RateLimited):
        await api_tokens.revoke_all(deps, ana, limit_key=ana.id)
    assert len(await api_tokens.of_user(ana)) == allowed


async def test_tokens_made_before_expiry_existed_get_a_name_and_the_default_expiry(deps):
    """The data step of migration 0026, run by Tortoise's own SQLite schema editor on rows as
    they were before it (permanent, unnamed); sessions keep their own expiry."""
    ana = await person("Ana")
    old = await AuthToken.create(user=ana, kind="api", token_hash="old-digest")
    session = await AuthToken.create(user=ana, kind="session", token_hash="session-digest",
                                     expires_at=datetime.now(UTC) + timedelta(days=30))
    migration = importlib.import_module("cocreate.migrations.0026_api_tokens")

    await migration.expire_existing_tokens(None, SqliteSchemaEditor(connections.get("default")))

    old = await AuthToken.get(id=old.id)
    assert old.name == "API token" and old.revoked_at is None
    assert timedelta(days=89) < old.expires_at - datetime.now(UTC) <= timedelta(days=90)
    assert (await AuthToken.get(id=session.id)).expires_at == session.expires_at
