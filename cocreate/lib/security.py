"""Passwords, opaque tokens and CSRF tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token_for(secret_key: str, browser_id: str) -> str:
    """The CSRF token bound to a browser's random id cookie (signed double submit)."""
    return hmac.new(secret_key.encode(), f"csrf:{browser_id}".encode(), "sha256").hexdigest()


def csrf_token_valid(secret_key: str, browser_id: str, token: str) -> bool:
    return bool(browser_id and token) and hmac.compare_digest(
        csrf_token_for(secret_key, browser_id), token
    )
