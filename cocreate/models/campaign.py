"""Campaigns an organization runs."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class CampaignKind(StrEnum):
    """What a campaign asks fans for; its entries take the same kind."""

    IDEA = "idea"
    REMIX = "remix"
    TEAM = "team"
    FUNDRAISER = "fundraiser"


class CampaignPhase(StrEnum):
    """Every kind's phases, in order: draft → open → voting → judging → results → archived,
    and a fundraiser's draft → open (for gifts) → closed → archived."""

    DRAFT = "draft"
    OPEN = "open"
    VOTING = "voting"
    JUDGING = "judging"
    RESULTS = "results"
    CLOSED = "closed"
    ARCHIVED = "archived"


class VotingMode(StrEnum):
    """upvote: any number of entries; budget: a number of votes each; jury: judges score the
    entries and there is no public vote."""

    UPVOTE = "upvote"
    BUDGET = "budget"
    JURY = "jury"


class ModerationMode(StrEnum):
    """post: entries show at once and moderators act afterwards; pre: a manager approves each
    entry first."""

    POST = "post"
    PRE = "pre"


class Campaign(Model):
    id = id_field()
    slug = fields.CharField(max_length=80, unique=True)
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="campaigns", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=12)  # CampaignKind
    title = fields.CharField(max_length=140)
    description = fields.TextField()
    description_html = fields.TextField()
    cover: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    # The lifecycle (CampaignPhase). Each date starts a phase (closes_at ends submissions and
    # starts voting), next_phase_at is the next one due.
    phase = fields.CharField(max_length=12, default=CampaignPhase.OPEN,
                             db_default=CampaignPhase.OPEN.value)
    phase_changed_at = fields.DatetimeField(null=True)
    opens_at = fields.DatetimeField(null=True)
    closes_at = fields.DatetimeField(null=True)
    voting_ends_at = fields.DatetimeField(null=True)
    results_at = fields.DatetimeField(null=True)
    archives_at = fields.DatetimeField(null=True)
    next_phase_at = fields.DatetimeField(null=True)
    vote_in_open = fields.BooleanField(default=True, db_default=True)
    voting_mode = fields.CharField(max_length=8, default=VotingMode.UPVOTE,
                                   db_default=VotingMode.UPVOTE.value)  # VotingMode
    # The jury's share of the final result, in percent: 100 in jury mode, 0 without judges, and
    # anything between for a public vote combined with a jury.
    jury_weight = fields.IntField(default=0, db_default=0)
    vote_budget = fields.IntField(null=True)  # budget mode: votes each person may cast
    verified_voters = fields.BooleanField(default=False, db_default=False)  # verified emails
    rules = fields.TextField(default="", db_default="")
    rules_html = fields.TextField(default="", db_default="")
    rules_version = fields.IntField(default=0, db_default=0)
    min_age = fields.IntField(null=True)
    eligible_countries = fields.JSONField(null=True)  # ISO 3166 alpha-2 codes
    moderation = fields.CharField(max_length=4, default=ModerationMode.POST,
                                  db_default=ModerationMode.POST.value)  # ModerationMode
    report_threshold = fields.IntField(default=3, db_default=3)
    team_min_size = fields.IntField(default=1, db_default=1)
    team_max_size = fields.IntField(default=5, db_default=5)
    max_video_mb = fields.IntField(default=50, db_default=50)  # remix and team entries
    entry_count = fields.IntField(default=0, db_default=0)
    created_by: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    created_at = created_field()

    class Meta:
        table = "campaigns"
        indexes = (("org_id", "created_at"), ("next_phase_at",))
