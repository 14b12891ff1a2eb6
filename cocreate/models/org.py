"""Organizations (brands and non-profits) and who manages them."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class OrgKind(StrEnum):
    BRAND = "brand"
    NONPROFIT = "nonprofit"


class MemberRole(StrEnum):
    """Owners and managers manage campaigns (only owners add people); moderators moderate."""

    OWNER = "owner"
    MANAGER = "manager"
    MODERATOR = "moderator"


class Organization(Model):
    id = id_field()
    slug = fields.CharField(max_length=60, unique=True)
    name = fields.CharField(max_length=120)
    kind = fields.CharField(max_length=12)  # OrgKind
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
    role = fields.CharField(max_length=12)  # MemberRole
    created_at = created_field()

    class Meta:
        table = "memberships"
        unique_together = (("org", "user"),)
