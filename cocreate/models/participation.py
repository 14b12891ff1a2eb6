"""A fan's acceptance of a campaign's rules, recorded with the version they read."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class RulesAcceptance(Model):
    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="rules_acceptances", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="rules_acceptances", on_delete=fields.CASCADE
    )
    version = fields.IntField()
    accepted_at = created_field()

    class Meta:
        table = "rules_acceptances"
        unique_together = (("campaign", "user", "version"),)
