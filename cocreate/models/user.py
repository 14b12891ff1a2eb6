"""People and their credentials."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class User(Model):
    id = id_field()
    handle = fields.CharField(max_length=40, unique=True)
    email = fields.CharField(max_length=254, unique=True)
    password_hash = fields.CharField(max_length=255)
    display_name = fields.CharField(max_length=80)
    birth_date = fields.DateField(null=True)  # asked only by campaigns with a minimum age
    country = fields.CharField(max_length=2, null=True)  # ISO 3166 alpha-2
    email_verified_at = fields.DatetimeField(null=True)
    # The Media id of the avatar: a plain column, since media rows point back at their owner
    avatar_media_id = fields.CharField(max_length=16, null=True)
    bio = fields.CharField(max_length=300, default="", db_default="")
    referral_code = fields.CharField(max_length=12, null=True, unique=True)  # in share links
    card_key = fields.CharField(max_length=255, null=True)  # the profile's share card
    # Email: the notification kinds mailed one by one, or all in a daily digest instead
    # None: the defaults (services/notifications/email_prefs.py)
    email_kinds = fields.JSONField(null=True)
    email_digest = fields.BooleanField(default=False, db_default=False)
    digest_sent_at = fields.DatetimeField(null=True)
    created_at = created_field()

    class Meta:
        table = "users"


class AuthToken(Model):
    """A browser session or an API bearer token. Only its SHA-256 is stored, so it is revocable.

    An API token has a name its owner gave it, expires, and is kept once revoked, so that
    using it again is answered with why it no longer works; a session is deleted at logout."""

    id = id_field()
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="tokens", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=10)  # "session" | "api"
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = created_field()
    expires_at = fields.DatetimeField(null=True)
    name = fields.CharField(max_length=80, default="", db_default="")
    last_used_at = fields.DatetimeField(null=True)  # written at most once a minute
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "auth_tokens"
