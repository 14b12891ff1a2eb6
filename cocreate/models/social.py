"""Notifications in the app, and what people's share links brought."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class NotificationKind(StrEnum):
    """What a notification is about; people choose by kind what they get by mail."""

    REPLY = "reply"
    MENTION = "mention"
    COMMENT = "comment"
    ACKNOWLEDGEMENT = "acknowledgement"
    BADGE = "badge"
    PHASE = "phase"
    PAGE_GIFT = "page_gift"
    STATUS = "status"
    MERGED = "merged"
    MODERATION = "moderation"


class ReferralKind(StrEnum):
    """What someone's share link brought."""

    VISIT = "visit"
    SIGNUP = "signup"
    VOTE = "vote"
    GIFT = "gift"


class Notification(Model):
    """Something to tell one person. `key` names the event, so it is told once."""

    id = id_field()
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE
    )
    kind = fields.CharField(max_length=30)  # NotificationKind
    text = fields.CharField(max_length=300)
    url = fields.CharField(max_length=300)
    key = fields.CharField(max_length=120, unique=True)
    read_at = fields.DatetimeField(null=True)
    emailed_at = fields.DatetimeField(null=True)  # sent alone or in a digest: never twice
    created_at = created_field()

    class Meta:
        table = "notifications"
        indexes = (("user_id", "read_at", "created_at"), ("user_id", "emailed_at", "created_at"))


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
