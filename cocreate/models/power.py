"""Power users: what each person brought an organization, and its ambassadors."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


def _counter() -> fields.IntField:
    return fields.IntField(default=0, db_default=0)


class PowerScore(Model):
    """One person's reach and conversation in one organization (services/influence/power_scores.py).

    Each counter moves in the transaction of the row it counts (a referral, a comment, a
    helpful reaction), and the two scores are weighted sums of the counters kept with them,
    so a ranking is one indexed read.
    """

    id = id_field()
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    visits = _counter()  # people who came through their share links
    signups = _counter()  # of whom signed up
    votes = _counter()  # votes cast through their links
    raised = _counter()  # gifts through their links, in minor units (fundraisers, later)
    replies = _counter()  # replies from others to their comments and comments on their entries
    threads = _counter()  # their top-level comments
    helpfuls = _counter()  # helpful reactions from others on their comments
    influence = _counter()
    conversation = _counter()

    class Meta:
        table = "power_scores"
        unique_together = (("org", "user"),)
        indexes = (("org_id", "influence"), ("org_id", "conversation"))


class Ambassador(Model):
    """A fan the organization's managers named its ambassador (shown first to them)."""

    id = id_field()
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name=False, on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    note = fields.CharField(max_length=300, default="", db_default="")
    marked_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    created_at = created_field()

    class Meta:
        table = "ambassadors"
        unique_together = (("org", "user"),)
