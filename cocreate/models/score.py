"""Votes people received, kept per campaign and per organization for contributor rankings."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import id_field


class CampaignScore(Model):
    """Votes on the entries a person made (alone, or as a member of the team that made it)."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name=False, on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    votes = fields.IntField(default=0, db_default=0)

    class Meta:
        table = "campaign_scores"
        unique_together = (("campaign", "user"),)
        indexes = (("campaign_id", "votes"),)


class OrgScore(Model):
    """The same, across all of an organization's campaigns."""

    id = id_field()
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    votes = fields.IntField(default=0, db_default=0)

    class Meta:
        table = "org_scores"
        unique_together = (("org", "user"),)
        indexes = (("org_id", "votes"),)
