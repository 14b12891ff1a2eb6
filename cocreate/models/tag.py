"""Tags on entries: a campaign's curated tags, the suggestions fans make, and the entries
that carry them."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class TagStatus(StrEnum):
    """Approved tags are offered to everyone; a fan's suggestion waits for a manager."""

    APPROVED = "approved"
    SUGGESTED = "suggested"


class Tag(Model):
    """A campaign's tag. Managers create approved tags. A fan's suggestion is attached to
    their entry at once but offered to others only after a manager approves it."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="tags", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=40)
    slug = fields.CharField(max_length=50)
    color = fields.CharField(max_length=7, null=True)  # #rrggbb
    status = fields.CharField(max_length=10, default=TagStatus.APPROVED,
                              db_default=TagStatus.APPROVED.value)  # TagStatus
    suggested_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    entry_count = fields.IntField(default=0, db_default=0)  # published entries carrying it
    created_at = created_field()

    class Meta:
        table = "tags"
        unique_together = (("campaign", "slug"),)
        indexes = (("campaign_id", "status", "entry_count"),)


class EntryTag(Model):
    """The ledger behind Tag.entry_count: one row per entry and tag."""

    id = id_field()
    entry: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Entry", related_name="entry_tags", on_delete=fields.CASCADE
    )
    tag: fields.ForeignKeyRelation[Tag] = fields.ForeignKeyField(
        "models.Tag", related_name="entry_tags", on_delete=fields.CASCADE
    )
    created_at = created_field()

    class Meta:
        table = "entry_tags"
        unique_together = (("entry", "tag"),)
        indexes = (("tag_id", "entry_id"),)
