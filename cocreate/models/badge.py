"""Badges awarded to people, each with a share card rendered by a worker."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class CardStatus(StrEnum):
    """An award's share card: rendering until a worker has drawn it."""

    RENDERING = "rendering"
    READY = "ready"


class OrgBadge(Model):
    """A badge an organization made itself, with its own text and artwork, awarded by hand."""

    id = id_field()
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="badges", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=60)
    description = fields.CharField(max_length=300)
    artwork: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    created_by: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    created_at = created_field()

    class Meta:
        table = "org_badges"
        unique_together = (("org", "name"),)


class Award(Model):
    """A badge one person earned in one campaign, once (the unique key makes awards
    idempotent). `badge` is a catalog kind ("contributor", "crowd-favourite-100" ...) or
    "org:<id>" for an organization's own badge."""

    id = id_field()
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="awards", on_delete=fields.CASCADE
    )
    badge = fields.CharField(max_length=40)  # "contributor", ...
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="awards", on_delete=fields.CASCADE
    )
    entry: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Entry", related_name="awards", null=True, on_delete=fields.SET_NULL
    )
    org_badge: fields.ForeignKeyNullableRelation[OrgBadge] = fields.ForeignKeyField(
        "models.OrgBadge", related_name="awards", null=True, on_delete=fields.CASCADE
    )
    awarded_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )  # a manager, for badges given by hand
    note = fields.CharField(max_length=500, default="", db_default="")
    status = fields.CharField(max_length=12, default=CardStatus.RENDERING)  # CardStatus
    image_key = fields.CharField(max_length=255, null=True)  # the 1200x630 card
    card_keys = fields.JSONField(null=True)  # {"og": key, "square": key, "story": key}
    # Open Badges: the recipient is identified by a salted hash of their email.
    salt = fields.CharField(max_length=32, null=True)
    revoked_at = fields.DatetimeField(null=True)
    revocation_reason = fields.CharField(max_length=300, null=True)
    created_at = created_field()

    class Meta:
        table = "awards"
        unique_together = (("user", "badge", "campaign"),)
