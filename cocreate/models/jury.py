"""Jury: the criteria a campaign is judged on, its judges, and the scores they give."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class Criterion(Model):
    """One thing judges score from 1 to 10, counting `weight` times in an entry's score."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="criteria", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    name = fields.CharField(max_length=80)
    description = fields.CharField(max_length=500, default="")
    weight = fields.IntField(default=1)
    created_at = created_field()

    class Meta:
        table = "jury_criteria"
        unique_together = (("campaign", "position"),)


class Judge(Model):
    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="judges", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="judging", on_delete=fields.CASCADE
    )
    added_by: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    created_at = created_field()

    class Meta:
        table = "judges"
        unique_together = (("campaign", "user"),)


class JuryScore(Model):
    """The ledger behind Entry.jury_score: one judge's score of one entry on one criterion."""

    id = id_field()
    judge: fields.ForeignKeyRelation[Judge] = fields.ForeignKeyField(
        "models.Judge", related_name="scores", on_delete=fields.CASCADE
    )
    entry: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Entry", related_name="jury_scores", on_delete=fields.CASCADE
    )
    criterion: fields.ForeignKeyRelation[Criterion] = fields.ForeignKeyField(
        "models.Criterion", related_name="scores", on_delete=fields.CASCADE
    )
    score = fields.IntField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "jury_scores"
        unique_together = (("judge", "entry", "criterion"),)
        indexes = (("entry_id", "judge_id"),)
