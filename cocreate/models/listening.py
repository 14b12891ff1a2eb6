"""What fans talk about: the words and two-word phrases of each idea and comment, one row per
text and term, so the listening page sums indexed rows instead of reading every text."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class TermMention(Model):
    """A term used in an entry's title and description or in a comment, on the day it was
    written. A worker rewrites a text's rows whenever the text is created or edited."""

    id = fields.BigIntField(primary_key=True)
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name=False, on_delete=fields.CASCADE
    )
    entry: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Entry", related_name=False, on_delete=fields.CASCADE
    )
    comment: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Comment", related_name=False, null=True, on_delete=fields.CASCADE
    )
    source = fields.CharField(max_length=20)  # e:<entry id> or c:<comment id>
    term = fields.CharField(max_length=80)  # stemmed words: what mentions are grouped by
    label = fields.CharField(max_length=80)  # the words as written, case-folded
    day = fields.DateField()

    class Meta:
        table = "term_mentions"
        unique_together = (("source", "term"),)
        indexes = (("campaign_id", "day", "term"), ("campaign_id", "term", "day"))
