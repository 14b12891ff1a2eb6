"""What people's share links brought."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class ReferralKind(StrEnum):
    """What someone's share link brought."""

    VISIT = "visit"
    SIGNUP = "signup"
    VOTE = "vote"
    GIFT = "gift"


class Referral(Model):
    """An action someone's share link brought: a visit, a signup, a vote, a gift.

    `subject` names the action ("visit:<visitor>:<sharer>", the new user's id, a vote's or a
    gift's id), and is unique per kind: each action is attributed once, to one sharer.
    `campaign` is where it counts (and so its organization), when it is known.
    """

    id = id_field()
    sharer: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="referrals", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=10)  # ReferralKind
    subject = fields.CharField(max_length=80)
    campaign: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Campaign", related_name=False, null=True, on_delete=fields.CASCADE
    )
    path = fields.CharField(max_length=300, default="")  # the page the link pointed to
    amount = fields.IntField(default=0, db_default=0)  # gifts: minor units
    currency = fields.CharField(max_length=3, null=True)
    created_at = created_field()

    class Meta:
        table = "referrals"
        unique_together = (("kind", "subject"),)
        indexes = (("sharer_id", "kind", "created_at"),)
