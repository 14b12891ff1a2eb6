"""Budget voting: how many of their votes a person has used in a campaign."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import id_field


class VoteBudget(Model):
    """`used` equals the person's vote rows in the campaign, and never exceeds its budget."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name=False, on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    used = fields.IntField(default=0, db_default=0)

    class Meta:
        table = "vote_budgets"
        unique_together = (("campaign", "user"),)
