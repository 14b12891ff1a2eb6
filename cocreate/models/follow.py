"""Following people, campaigns and ideas, and the activity a personal feed is made of."""

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


class ReactionKind(StrEnum):
    LIKE = "like"
    LOVE = "love"
    LAUGH = "laugh"
    HELPFUL = "helpful"
    CHEER = "cheer"


class Follow(Model):
    """One person following another person, a campaign or an entry (exactly one of them).

    Following an entry means hearing of its new comments and of the brand's answers to it.
    """

    id = id_field()
    follower: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="following", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name="followers", null=True, on_delete=fields.CASCADE
    )
    campaign: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="followers", null=True, on_delete=fields.CASCADE
    )
    entry: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Entry", related_name="followers", null=True, on_delete=fields.CASCADE
    )
    created_at = created_field()

    class Meta:
        table = "follows"
        unique_together = (("follower", "user"), ("follower", "campaign"), ("follower", "entry"))


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


class Reaction(Model):
    """One person's reaction of one kind to a comment (the counts live on the comment)."""

    id = id_field()
    comment: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Comment", related_name="reactions", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=12)  # ReactionKind
    created_at = created_field()

    class Meta:
        table = "reactions"
        unique_together = (("comment", "user", "kind"),)
