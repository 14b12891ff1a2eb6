"""Accounts, sessions and API tokens."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError

from cocreate.lib.errors import Conflict, NotFound, Unauthenticated
from cocreate.lib.ids import new_id
from cocreate.lib.security import hash_password, new_token, token_digest, verify_password
from cocreate.lib.text import has_control_characters
from cocreate.models import AuthToken, User
from cocreate.services.accounts import verification
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors, slugify
from cocreate.services.influence import referrals

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 10


def _normal_email(email: str | None) -> str:
    """The address as stored; one with a control character (which no address holds) is ""."""
    normal = (email or "").strip().lower()
    return "" if has_control_characters(normal) else normal


async def _free_handle(display_name: str) -> str:
    base = slugify(display_name, max_len=30) or "fan"
    handle = base
    while await User.exists(handle=handle):
        handle = f"{base}-{new_id(4)}"
    return handle


async def signup(
    deps: Deps, email: str | None, password: str | None, display_name: str | None,
    client_ip: str, referral_code: str | None = None, visitor_id: str | None = None,
) -> User:
    """A new account; `referral_code` names the share link that brought the person, and
    `visitor_id` their browser (whose visit through it says which campaign brought them)."""
    await deps.limiter.hit("signup", client_ip)
    user = await create_user(email, password, display_name)
    await referrals.record_signup(referral_code, user, visitor_id)
    await verification.request_link(deps, user)
    return user


async def create_user(email: str | None, password: str | None, display_name: str | None) -> User:
    """A new account after validation; the CLI calls this directly, signup rate-limits first."""
    errors = FieldErrors()
    email = _normal_email(email)
    if not _EMAIL_RE.match(email) or len(email) > 254:
        errors.add("email", "Enter a valid email address.")
    if len(password or "") < MIN_PASSWORD:
        errors.add("password", f"Use at least {MIN_PASSWORD} characters.")
    elif len(password or "") > 200:
        errors.add("password", "Use at most 200 characters.")
    name = errors.text("display_name", display_name, label="Display name", max_len=80)
    errors.raise_if_any()
    taken = Conflict("An account with this email exists. Log in instead.",
                     {"email": "This email is already registered."})
    if await User.exists(email=email):
        raise taken
    try:
        return await User.create(
            email=email,
            password_hash=hash_password(password or ""),
            display_name=name,
            handle=await _free_handle(name),
        )
    except IntegrityError as error:
        raise taken from error


async def authenticate(deps: Deps, email: str | None, password: str | None,
                       client_ip: str) -> User:
    email = _normal_email(email)
    await deps.limiter.hit("login", client_ip)
    await deps.limiter.hit("login", email)
    user = await User.get_or_none(email=email)
    if user is None or not verify_password(user.password_hash, password or ""):
        raise Unauthenticated("Wrong email or password.")
    return user


async def issue_token(user: User, kind: str, days: int | None) -> str:
    """A fresh random token (a new session id at every login, so sessions rotate)."""
    token = new_token()
    expires = datetime.now(UTC) + timedelta(days=days) if days else None
    await AuthToken.create(user=user, kind=kind, token_hash=token_digest(token), expires_at=expires)
    return token


async def user_for_token(token: str | None, kind: str) -> User | None:
    if not token:
        return None
    found = await AuthToken.get_or_none(token_hash=token_digest(token), kind=kind).select_related(
        "user"
    )
    if found is None or found.revoked_at or (found.expires_at
                                             and found.expires_at < datetime.now(UTC)):
        return None
    return found.user


async def revoke_token(token: str | None) -> None:
    if token:
        await AuthToken.filter(token_hash=token_digest(token)).delete()


async def get_by_handle(handle: str) -> User:
    user = await User.get_or_none(handle=handle)
    if user is None:
        raise NotFound("No one here goes by that name.")
    return user
