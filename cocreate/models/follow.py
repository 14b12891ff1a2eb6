"""Following people, campaigns and ideas."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


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
