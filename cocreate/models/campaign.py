"""Campaigns an organization runs."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class Campaign(Model):
    id = id_field()
    slug = fields.CharField(max_length=80, unique=True)
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="campaigns", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=12)  # "idea" now; "remix", "team", "fundraiser" later
    title = fields.CharField(max_length=140)
    description = fields.TextField()
    description_html = fields.TextField()
    cover: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    closes_at = fields.DatetimeField(null=True)
    entry_count = fields.IntField(default=0, db_default=0)
    created_by: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    created_at = created_field()

    class Meta:
        table = "campaigns"
        indexes = (("org_id", "created_at"),)
