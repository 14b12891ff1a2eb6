"""Badges awarded to people, each with a share card rendered by a worker."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class Award(Model):
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
    status = fields.CharField(max_length=12, default="rendering")  # rendering | ready
    image_key = fields.CharField(max_length=255, null=True)
    created_at = created_field()

    class Meta:
        table = "awards"
        unique_together = (("user", "badge", "campaign"),)
