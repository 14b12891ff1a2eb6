"""Reactions on comments."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class ReactionKind(StrEnum):
    LIKE = "like"
    LOVE = "love"
    LAUGH = "laugh"
    HELPFUL = "helpful"
    CHEER = "cheer"


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
