"""Prizes a campaign offers, and the entries the managers picked to win them."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class Prize(Model):
    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="prizes", on_delete=fields.CASCADE
    )
    rank = fields.IntField()
    title = fields.CharField(max_length=140)
    description = fields.TextField(default="")
    created_at = created_field()

    class Meta:
        table = "prizes"
        unique_together = (("campaign", "rank"),)


class Winner(Model):
    """An entry picked in judging, made public once the campaign shows its results."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="winners", on_delete=fields.CASCADE
    )
    prize: fields.ForeignKeyRelation[Prize] = fields.ForeignKeyField(
        "models.Prize", related_name="winners", on_delete=fields.CASCADE
    )
    entry: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Entry", related_name="wins", on_delete=fields.CASCADE
    )
    picked_by: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    created_at = created_field()

    class Meta:
        table = "winners"
        unique_together = (("prize", "entry"), ("campaign", "entry"))
