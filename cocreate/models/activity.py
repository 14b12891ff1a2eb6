"""The activity a personal feed is made of."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class ActivityKind(StrEnum):
    """What a feed item tells: a published entry, a badge, a win, a reply, a phase change, the
    brand's answer to an idea."""

    ENTRY = "entry"
    BADGE = "badge"
    WINNER = "winner"
    REPLY = "reply"
    PHASE = "phase"
    STATUS = "status"


class Activity(Model):
    """Something that happened, for the feeds of those who follow its person or campaign.

    `key` names the event, so replaying it records it once.
    """

    id = id_field()
    actor: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.CASCADE
    )
    campaign: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Campaign", related_name=False, null=True, on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=20)  # ActivityKind
    text = fields.CharField(max_length=300)
    url = fields.CharField(max_length=300)
    key = fields.CharField(max_length=120, unique=True)
    created_at = created_field()

    class Meta:
        table = "activities"
        indexes = (("actor_id", "created_at"), ("campaign_id", "created_at"))
