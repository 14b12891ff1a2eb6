"""Shared pieces of the models: random public ids and timestamps."""

from __future__ import annotations

import secrets
import string

from tortoise import fields

_ALPHABET = string.ascii_lowercase + string.digits


def new_id(length: int = 12) -> str:
    """A random, unguessable, URL-safe identifier (never a sequential integer)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def id_field() -> fields.CharField:
    return fields.CharField(primary_key=True, max_length=16, default=new_id)


def created_field() -> fields.DatetimeField:
    return fields.DatetimeField(auto_now_add=True)
