"""Entries fans submit to a campaign, and the votes they cast on them."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class Entry(Model):
    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="entries", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="entries", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=12)  # "idea" now; "remix", "team" later
    title = fields.CharField(max_length=140)
    body = fields.TextField()
    body_html = fields.TextField()
    media: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    vote_count = fields.IntField(default=0, db_default=0)
    created_at = created_field()

    class Meta:
        table = "entries"
        indexes = (("campaign_id", "vote_count", "created_at"), ("campaign_id", "created_at"))


class Vote(Model):
    """The ledger behind Entry.vote_count: one row per person per entry."""

    id = id_field()
    entry: fields.ForeignKeyRelation[Entry] = fields.ForeignKeyField(
        "models.Entry", related_name="votes", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="votes", on_delete=fields.CASCADE
    )
    created_at = created_field()

    class Meta:
        table = "votes"
        unique_together = (("entry", "user"),)
