"""Entries fans submit to a campaign, and the votes they cast on them."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class EntryStatus(StrEnum):
    """Published entries are public; pending ones wait for a manager (pre-moderation); hidden
    and rejected ones are seen by their author (with the reason) and moderators only; merged
    is a duplicate idea a manager folded into another."""

    PUBLISHED = "published"
    PENDING = "pending"
    HIDDEN = "hidden"
    REJECTED = "rejected"
    MERGED = "merged"


class IdeaStatus(StrEnum):
    """The brand's answer to an idea."""

    REVIEW = "review"
    PLANNED = "planned"
    PROGRESS = "progress"
    DONE = "done"
    DECLINED = "declined"


class VoteStatus(StrEnum):
    """Counted votes are in the totals; held ones wait for a manager, who counts or voids them."""

    COUNTED = "counted"
    HELD = "held"
    VOIDED = "voided"


class ReportReason(StrEnum):
    """Why someone flags an entry or a comment."""

    SPAM = "spam"
    OFFENSIVE = "offensive"
    COPYRIGHT = "copyright"
    OFF_TOPIC = "off_topic"
    PERSONAL = "personal"
    OTHER = "other"


class ReportStatus(StrEnum):
    """Open reports wait in the moderation queue until a moderator resolves them."""

    OPEN = "open"
    RESOLVED = "resolved"


class Entry(Model):
    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="entries", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="entries", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=12)  # the campaign's kind (CampaignKind)
    team: fields.OneToOneNullableRelation = fields.OneToOneField(
        "models.Team", related_name="entry", null=True, on_delete=fields.SET_NULL
    )  # a team entry: every member is a co-author
    title = fields.CharField(max_length=140)
    body = fields.TextField()
    body_html = fields.TextField()
    media: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    vote_count = fields.IntField(default=0, db_default=0)
    remix_count = fields.IntField(default=0, db_default=0)  # published entries crediting it
    comment_count = fields.IntField(default=0, db_default=0)  # visible comments
    # Trending: the sum over its votes of e^(hours from the campaign's start to the vote / 24),
    # so a vote counts e times more than one cast a day earlier (services/voting/trending.py).
    trend = fields.FloatField(default=0, db_default=0)
    # Jury: the average over judges of each judge's weighted mean of the criteria (1 to 10),
    # and how many judges scored it. final_score (0 to 100) ranks the results, set when they
    # are published: jury and public vote (votes / the campaign's most votes) by their weights.
    jury_score = fields.FloatField(null=True)
    jury_judges = fields.IntField(default=0, db_default=0)
    final_score = fields.FloatField(null=True)
    acknowledged_at = fields.DatetimeField(null=True)  # the brand first thanked its people
    idea_status = fields.CharField(max_length=12, null=True)  # IdeaStatus, with a note
    idea_status_note = fields.TextField(default="", db_default="")
    idea_status_at = fields.DatetimeField(null=True)
    # The entry's own share card, and the vote milestone it showed when rendered
    card_key = fields.CharField(max_length=255, null=True)
    card_milestone = fields.IntField(default=0, db_default=0)
    status = fields.CharField(max_length=10, default=EntryStatus.PUBLISHED,
                              db_default=EntryStatus.PUBLISHED.value)  # EntryStatus
    merged_into: fields.ForeignKeyNullableRelation[Entry] = fields.ForeignKeyField(
        "models.Entry", related_name="merged_from", null=True, on_delete=fields.SET_NULL
    )
    merged_at = fields.DatetimeField(null=True)
    moderation_reason = fields.CharField(max_length=500, null=True)
    open_reports = fields.IntField(default=0, db_default=0)
    edited_at = fields.DatetimeField(null=True)  # its author last changed the title or body
    created_at = created_field()

    class Meta:
        table = "entries"
        indexes = (
            ("campaign_id", "status", "vote_count", "created_at"),
            ("campaign_id", "status", "created_at"),
            ("campaign_id", "status", "trend", "created_at"),
            ("campaign_id", "status", "final_score", "created_at"),
            ("campaign_id", "acknowledged_at", "created_at"),
        )


class CreditedAuthor(Model):
    """Credit on an entry for the author of a duplicate idea merged into it.

    The entry shows with ideas from them, and their profile lists it.
    """

    id = id_field()
    entry: fields.ForeignKeyRelation[Entry] = fields.ForeignKeyField(
        "models.Entry", related_name="credited_authors", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="credited_on", on_delete=fields.CASCADE
    )
    merged_entry: fields.ForeignKeyNullableRelation[Entry] = fields.ForeignKeyField(
        "models.Entry", related_name=False, null=True, on_delete=fields.SET_NULL
    )  # the duplicate their idea was in
    created_at = created_field()

    class Meta:
        table = "credited_authors"
        unique_together = (("entry", "user"),)
        indexes = (("user_id", "created_at"),)


class Vote(Model):
    """The ledger behind Entry.vote_count: one row per person per entry.

    Only `counted` votes are in the totals. Votes a velocity rule flagged are `held` (with the
    reason) until a manager accepts them (counted) or voids them (`voided`, kept and marked).
    """

    id = id_field()
    entry: fields.ForeignKeyRelation[Entry] = fields.ForeignKeyField(
        "models.Entry", related_name="votes", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="votes", on_delete=fields.CASCADE
    )
    status = fields.CharField(max_length=8, default=VoteStatus.COUNTED,
                              db_default=VoteStatus.COUNTED.value)  # VoteStatus
    network = fields.CharField(max_length=64, null=True)  # the voter's /24 (IPv4) or /48 (IPv6)
    flag = fields.CharField(max_length=300, null=True)  # why a rule held it
    reviewed_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    reviewed_at = fields.DatetimeField(null=True)
    created_at = created_field()

    class Meta:
        table = "votes"
        unique_together = (("entry", "user"),)
        indexes = (("entry_id", "network", "created_at"), ("status", "created_at"))


class Report(Model):
    """Someone flagged an entry. Open reports wait in the moderation queue, oldest first."""

    id = id_field()
    entry: fields.ForeignKeyRelation[Entry] = fields.ForeignKeyField(
        "models.Entry", related_name="reports", on_delete=fields.CASCADE
    )
    reporter: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="reports", on_delete=fields.CASCADE
    )
    reason = fields.CharField(max_length=20)  # ReportReason
    note = fields.CharField(max_length=1000, default="")
    status = fields.CharField(max_length=10, default=ReportStatus.OPEN,
                              db_default=ReportStatus.OPEN.value)  # ReportStatus
    resolution = fields.CharField(max_length=20, null=True)
    created_at = created_field()
    resolved_at = fields.DatetimeField(null=True)

    class Meta:
        table = "reports"
        unique_together = (("entry", "reporter"),)
        indexes = (("status", "created_at"),)
