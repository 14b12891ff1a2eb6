"""Peer-to-peer fundraising: a fan's own page under a fundraiser, and teams of such pages.

A page's raised and gift_count equal the sums over the succeeded gifts made on it. A team's
raised and gift_count equal the sums over its current pages (totals follow the page when it
changes team), and member_count the number of its pages.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class FundraisingPageStatus(StrEnum):
    """A fan's fundraising page is active, or hidden by a manager (with a reason)."""

    ACTIVE = "active"
    HIDDEN = "hidden"


class FundraisingTeam(Model):
    """Fans raising money together under one fundraiser, with a team total."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="fundraising_teams", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=80)
    slug = fields.CharField(max_length=90)
    captain: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    story = fields.TextField(default="")
    story_html = fields.TextField(default="")
    goal = fields.BigIntField(default=0, db_default=0)  # minor units, 0: no team goal
    raised = fields.BigIntField(default=0, db_default=0)  # its pages' succeeded gifts
    gift_count = fields.IntField(default=0, db_default=0)
    member_count = fields.IntField(default=0, db_default=0)  # its pages
    created_at = created_field()

    class Meta:
        table = "fundraising_teams"
        unique_together = (("campaign", "slug"), ("campaign", "name"))
        indexes = (("campaign_id", "raised"),)


class FundraisingPage(Model):
    """A fan's own page under a fundraiser: one per fan per campaign."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="fundraising_pages", on_delete=fields.CASCADE
    )
    owner: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="fundraising_pages", on_delete=fields.RESTRICT
    )
    slug = fields.CharField(max_length=60)
    title = fields.CharField(max_length=120)
    goal = fields.BigIntField()  # minor units of the fundraiser's currency
    story = fields.TextField(default="")
    story_html = fields.TextField(default="")  # rendered through the sanitizer
    photo: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    team: fields.ForeignKeyNullableRelation[FundraisingTeam] = fields.ForeignKeyField(
        "models.FundraisingTeam", related_name="pages", null=True, on_delete=fields.RESTRICT
    )
    raised = fields.BigIntField(default=0, db_default=0)  # succeeded gifts made on it
    gift_count = fields.IntField(default=0, db_default=0)
    status = fields.CharField(max_length=10, default=FundraisingPageStatus.ACTIVE,
                              db_default=FundraisingPageStatus.ACTIVE.value)
    hidden_reason = fields.CharField(max_length=300, default="", db_default="")
    card_key = fields.CharField(max_length=255, null=True)  # the page's share card
    card_percent = fields.IntField(default=-1, db_default=-1)  # the percent last queued
    created_at = created_field()

    class Meta:
        table = "fundraising_pages"
        unique_together = (("campaign", "owner"), ("campaign", "slug"))
        indexes = (("campaign_id", "status", "raised"), ("team_id", "raised"))
