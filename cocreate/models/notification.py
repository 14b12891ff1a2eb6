"""Notifications in the app."""

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
    # When a worker took it to mail alone; one older than a send can take was abandoned (its
    # worker killed mid-send), so another takes it over and the mail is not lost.
    email_claimed_at = fields.DatetimeField(null=True)
    created_at = created_field()

    class Meta:
        table = "notifications"
        indexes = (("user_id", "read_at", "created_at"), ("user_id", "emailed_at", "created_at"))
