"""Organizations (brands and non-profits) and who manages them."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class Organization(Model):
    id = id_field()
    slug = fields.CharField(max_length=60, unique=True)
    name = fields.CharField(max_length=120)
    kind = fields.CharField(max_length=12)  # "brand" | "nonprofit"
    color = fields.CharField(max_length=7, default="#5b3df5")
    logo: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    created_at = created_field()

    class Meta:
        table = "organizations"


class Membership(Model):
    id = id_field()
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="memberships", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    role = fields.CharField(max_length=12)  # "owner" | "manager" | "moderator"
    created_at = created_field()

    class Meta:
        table = "memberships"
        unique_together = (("org", "user"),)
