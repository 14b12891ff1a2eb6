"""Accounts: one per email address, a handle of one's own, passwords checked with attempts
counted, and tokens that work until they are revoked or expire."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import Conflict, Invalid, NotFound, RateLimited, Unauthenticated
from cocreate.models import AuthToken, User
from cocreate.services.accounts import accounts, verification
from tests.domain.core.story_core import recorded
from tests.domain.story import PASSWORD


async def test_a_signup_names_each_wrong_field_and_creates_no_one(deps):
    with pytest.raises(Invalid) as refused:
        await accounts.create_user("not-an-email", "short", "  ")

    assert refused.value.fields == {"email": "Enter a valid email address.",
                                    "password": "Use at least 10 characters.",
                                    "display_name": "Display name is required."}
    assert not await User.exists()


async def test_an_email_is_registered_once_whatever_its_case(deps):
    first = await accounts.create_user(" Ana@Example.test ", PASSWORD, "Ana")

    with pytest.raises(Conflict) as refused:
        await accounts.create_user("ana@example.TEST", PASSWORD, "Another Ana")

    assert first.email == "ana@example.test"
    assert refused.value.fields == {"email": "This email is already registered."}
    assert await User.all().count() == 1


async def test_handles_come_from_the_name_and_never_collide(deps):
    zoe = await accounts.create_user("zoe@example.test", PASSWORD, "Zoë Martín")
    twin = await accounts.create_user("zoe2@example.test", PASSWORD, "Zoë Martín")
    kanji = await accounts.create_user("k@example.test", PASSWORD, "漢字")

    assert zoe.handle == "zoe-martin"
    assert twin.handle.startswith("zoe-martin-") and twin.handle != zoe.handle
    assert kanji.handle == "fan"
    assert (await accounts.get_by_handle(zoe.handle)).id == zoe.id
    with pytest.raises(NotFound):
        await accounts.get_by_handle("nobody")


async def test_logging_in_checks_the_password_and_the_number_of_attempts(deps):
    ana = await accounts.create_user("ana@example.test", PASSWORD, "Ana")

    assert (await accounts.authenticate(deps, "ANA@example.test", PASSWORD, "ip-1")).id == ana.id
    for email, password in [("ana@example.test", "wrong password"),
                            ("nobody@example.test", PASSWORD), ("ana@example.test", None)]:
        with pytest.raises(Unauthenticated, match="Wrong email or password"):
            await accounts.authenticate(deps, email, password, "ip-2")

    for n in range(7):  # ten tries a minute from one address
        with pytest.raises(Unauthenticated):
            await accounts.authenticate(deps, f"guess{n}@example.test", PASSWORD, "ip-2")
    with pytest.raises(RateLimited):
        await accounts.authenticate(deps, "ana@example.test", PASSWORD, "ip-2")


async def test_a_token_works_for_its_kind_until_revoked_or_expired(deps):
    ana = await accounts.create_user("ana@example.test", PASSWORD, "Ana")
    session = await accounts.issue_token(ana, "session", days=30)
    api = await accounts.issue_token(ana, "api", days=None)
    expiring = await accounts.issue_token(ana, "session", days=1)

    assert (await accounts.user_for_token(session, "session")).id == ana.id
    assert await accounts.user_for_token(session, "api") is None
    assert (await accounts.user_for_token(api, "api")).id == ana.id
    assert await accounts.user_for_token(None, "session") is None
    assert not await AuthToken.exists(token_hash=session)  # only its digest is kept

    await AuthToken.filter(user=ana, kind="session", expires_at__lt=datetime.now(UTC)
                           + timedelta(days=2)).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1))
    await accounts.revoke_token(session)

    assert await accounts.user_for_token(expiring, "session") is None
    assert await accounts.user_for_token(session, "session") is None
    assert (await accounts.user_for_token(api, "api")).id == ana.id


async def test_a_signup_asks_for_a_verified_address_and_one_address_signs_up_five_a_minute(
        deps):
    for n in range(5):
        fan = await accounts.signup(deps, f"fan{n}@example.test", PASSWORD, f"Fan {n}", "ip-1")
    assert [job.payload for job in await recorded(verification.SEND_JOB)][-1] == {
        "user_id": fan.id}

    with pytest.raises(RateLimited):
        await accounts.signup(deps, "fan5@example.test", PASSWORD, "Fan 5", "ip-1")
    assert await User.all().count() == 5
    assert await accounts.signup(deps, "fan5@example.test", PASSWORD, "Fan 5", "ip-2")
