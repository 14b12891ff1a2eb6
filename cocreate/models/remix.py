"""Remixing: the brand's remix kit, and the credits that tie a remix to what it builds on."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class KitAsset(Model):
    """An image, video or audio clip of the brand's own that fans may remix, under a licence."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="kit_assets", on_delete=fields.CASCADE
    )
    media: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=140)
    licence = fields.TextField()
    remix_count = fields.IntField(default=0, db_default=0)
    created_at = created_field()

    class Meta:
        table = "kit_assets"


class EntryCredit(Model):
    """The remix `entry` credits a kit asset or another entry (exactly one of the two)."""

    id = id_field()
    entry: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Entry", related_name="credits", on_delete=fields.CASCADE
    )
    source_entry: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Entry", related_name="credited_by", null=True, on_delete=fields.CASCADE
    )
    kit_asset: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.KitAsset", related_name="credited_by", null=True, on_delete=fields.CASCADE
    )
    created_at = created_field()

    class Meta:
        table = "entry_credits"
        unique_together = (("entry", "source_entry"), ("entry", "kit_asset"))
