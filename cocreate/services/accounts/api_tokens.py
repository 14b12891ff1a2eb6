"""API tokens people manage themselves, like personal access tokens: each has a name, expires
after `API_TOKEN_DAYS`, shows when it was last used, and can be revoked alone or all at once.

The secret is shown once, when the token is made; only its SHA-256 is stored. A revoked token
keeps its row (without a way back), so that a client still sending it is told it was revoked
rather than that it never existed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from cocreate.lib.errors import NotFound, Unauthenticated
from cocreate.lib.security import new_token, token_digest
from cocreate.models import AuthToken, User
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors

KIND = "api"
DEFAULT_NAME = "API token"
MAX_NAME = 80
MAX_TOKENS = 100  # live ones per person: enough for every script, not a table to fill
USE_RECORDED_EVERY = timedelta(minutes=1)  # one write a minute per token, not one a request
TOKEN_ID = re.compile(r"[a-z0-9]{1,16}")  # the shape of every row id (models/base.py)
LIMIT = "login"  # making and revoking tokens counts like logging in (RATE_LIMIT_LOGIN)


@dataclass(frozen=True)
class NewToken:
    """A token just made: its row and the secret, which is never shown again."""

    token: AuthToken
    secret: str


def is_expired(token: AuthToken, now: datetime | None = None) -> bool:
    return token.expires_at is not None and token.expires_at <= (now or datetime.now(UTC))


async def create(deps: Deps, user: User, name: str | None,
                 limit_key: str | None = None) -> NewToken:
    """A new token for `user`, named `name` (or "API token"), expiring after the setting's
    days. `limit_key`: who is rate-limited for it (the page passes the person; the API's
    password exchange is limited as a login already)."""
    if limit_key is not None:
        await deps.limiter.hit(LIMIT, limit_key)
    errors = FieldErrors()
    label = errors.text("name", name, label="Name", min_len=0, max_len=MAX_NAME)
    errors.raise_if_any()
    now = datetime.now(UTC)
    live = await AuthToken.filter(user=user, kind=KIND, revoked_at=None, expires_at__gt=now) \
        .count()
    if live >= MAX_TOKENS:
        errors.add("name", f"You have {MAX_TOKENS} tokens: revoke one you no longer use first.")
        errors.raise_if_any()
    secret = new_token()
    token = await AuthToken.create(
        user=user, kind=KIND, token_hash=token_digest(secret), name=label or DEFAULT_NAME,
        expires_at=now + timedelta(days=deps.settings.api_token_days))
    return NewToken(token, secret)


async def of_user(user: User) -> list[AuthToken]:
    """The person's tokens that were not revoked, newest first (expired ones too, marked by
    their `expires_at`, until they are revoked)."""
    return await AuthToken.filter(user=user, kind=KIND, revoked_at=None) \
        .order_by("-created_at", "-id")


async def revoke(deps: Deps, user: User, token_id: str, limit_key: str | None = None
                 ) -> AuthToken:
    """Revoke one of the person's tokens; another person's (or an unknown id) is NotFound."""
    if limit_key is not None:
        await deps.limiter.hit(LIMIT, limit_key)
    token = (await AuthToken.get_or_none(id=token_id, user=user, kind=KIND, revoked_at=None)
             if TOKEN_ID.fullmatch(token_id or "") else None)
    if token is None:
        raise NotFound("You have no API token with this id.")
    token.revoked_at = datetime.now(UTC)
    await AuthToken.filter(id=token.id, revoked_at=None).update(revoked_at=token.revoked_at)
    return token


async def revoke_all(deps: Deps, user: User, limit_key: str | None = None) -> int:
    """Revoke every token of the person; how many were still live."""
    if limit_key is not None:
        await deps.limiter.hit(LIMIT, limit_key)
    return await AuthToken.filter(user=user, kind=KIND, revoked_at=None) \
        .update(revoked_at=datetime.now(UTC))


async def bearer(secret: str) -> User:
    """The user a bearer token stands for, or Unauthenticated saying why it does not work.
    Records the token's use, at most once a minute."""
    token = await AuthToken.get_or_none(token_hash=token_digest(secret), kind=KIND) \
        .select_related("user") if secret else None
    if token is None:
        raise Unauthenticated("This API token is not valid. Make a new one with "
                              "POST /api/v1/auth/token or on your API tokens page.")
    if token.revoked_at is not None:
        raise Unauthenticated("This API token was revoked. Make a new one to go on.")
    now = datetime.now(UTC)
    if is_expired(token, now):
        raise Unauthenticated(f"This API token expired on {token.expires_at:%Y-%m-%d}. "
                              "Make a new one to go on.")
    if token.last_used_at is None or now - token.last_used_at >= USE_RECORDED_EVERY:
        stale = Q(last_used_at=None) | Q(last_used_at__lt=now - USE_RECORDED_EVERY)
        await AuthToken.filter(stale, id=token.id).update(last_used_at=now)
    return token.user
