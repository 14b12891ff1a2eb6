"""Fundraisers: a campaign's goal and totals, the gifts that make them, and the payment
provider's events already handled (each exactly once)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class GiftStatus(StrEnum):
    """Pending (a pledge paid later, or a checkout not finished yet) until it succeeds or
    fails; a succeeded gift may be refunded."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    REFUNDED = "refunded"


class Fundraiser(Model):
    """The fundraising settings of a campaign of kind fundraiser, and its totals.

    raised, gift_count and matched always equal the sums over its succeeded gifts: they move
    only in the transaction that moves a gift into or out of succeeded.
    """

    id = id_field()
    campaign: fields.OneToOneRelation = fields.OneToOneField(
        "models.Campaign", related_name="fundraiser", on_delete=fields.CASCADE
    )
    goal = fields.BigIntField()  # minor units of the currency
    currency = fields.CharField(max_length=3)  # ISO 4217, upper case
    suggested_amounts = fields.JSONField(default=list)  # minor units, ascending
    sponsor_name = fields.CharField(max_length=120, default="", db_default="")
    # A sponsor adds match_percent of each gift (100 is 1 to 1) until match_cap is reached
    match_percent = fields.IntField(default=100, db_default=100)
    match_cap = fields.BigIntField(default=0, db_default=0)  # 0 means no matching
    raised = fields.BigIntField(default=0, db_default=0)  # succeeded gifts, without matching
    gift_count = fields.IntField(default=0, db_default=0)
    matched = fields.BigIntField(default=0, db_default=0)  # what the sponsor adds
    card_key = fields.CharField(max_length=255, null=True)  # the progress share card
    card_percent = fields.IntField(default=-1, db_default=-1)  # the percent last queued
    # What a fan's share links must raise for the Fundraiser badge, in minor units (null:
    # 100 whole units of the currency, services/recognition/gift_badges.py)
    fundraiser_badge_at = fields.BigIntField(null=True)
    created_at = created_field()

    class Meta:
        table = "fundraisers"


class Gift(Model):
    """One gift, pending until it succeeds or fails (and a succeeded one may be refunded).

    Pending is a pledge paid later (offline) or a checkout not finished yet. Amounts are
    minor units of the currency.
    """

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="gifts", on_delete=fields.RESTRICT
    )
    donor: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="gifts", on_delete=fields.RESTRICT
    )
    # A fan's own fundraising page the gift was made on (peer to peer, a later addition)
    page_id = fields.CharField(max_length=16, null=True)
    # Whose share link brought the donor (first touch within the window when they gave)
    referred_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    amount = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    status = fields.CharField(max_length=10, default=GiftStatus.PENDING,
                              db_default=GiftStatus.PENDING.value)  # GiftStatus
    provider = fields.CharField(max_length=20)  # "offline" or "stripe"
    provider_ref = fields.CharField(max_length=255, null=True, unique=True)  # checkout id
    payment_ref = fields.CharField(max_length=255, null=True, unique=True)  # payment id
    anonymous = fields.BooleanField(default=False, db_default=False)
    message = fields.CharField(max_length=500, default="", db_default="")
    matched_amount = fields.BigIntField(default=0, db_default=0)  # the sponsor's match
    created_at = created_field()
    paid_at = fields.DatetimeField(null=True)
    failed_at = fields.DatetimeField(null=True)
    refunded_at = fields.DatetimeField(null=True)
    receipt_sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "gifts"
        indexes = (("campaign_id", "status", "paid_at"), ("donor_id", "created_at"),
                   ("page_id", "status", "paid_at"))


class ProviderEvent(Model):
    """A payment provider's event, recorded in the transaction that handled it."""

    id = id_field()
    provider = fields.CharField(max_length=20)
    event_id = fields.CharField(max_length=255)
    kind = fields.CharField(max_length=80)
    gift_id = fields.CharField(max_length=16, null=True)
    outcome = fields.CharField(max_length=20, default="", db_default="")
    created_at = created_field()

    class Meta:
        table = "provider_events"
        unique_together = (("provider", "event_id"),)
