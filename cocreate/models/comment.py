"""Conversation on entries: threaded comments, and the brand's saved replies."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field
from cocreate.models.entry import ReportStatus


class CommentStatus(StrEnum):
    """Visible; removed by its author (shown as removed, its replies stay); hidden by a
    moderator, or by enough reports until a moderator reviews it."""

    VISIBLE = "visible"
    REMOVED = "removed"
    HIDDEN = "hidden"


class Comment(Model):
    """A comment on an entry, or a reply to another comment (`parent`), `depth` levels down.

    Removed comments keep their place in the thread (their replies stay) without their text.
    """

    id = id_field()
    entry: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Entry", related_name="comments", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="comments", on_delete=fields.CASCADE
    )
    parent: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Comment", related_name="replies", null=True, on_delete=fields.CASCADE
    )
    depth = fields.IntField(default=0, db_default=0)
    body = fields.TextField()
    body_html = fields.TextField()
    status = fields.CharField(max_length=8, default=CommentStatus.VISIBLE,
                              db_default=CommentStatus.VISIBLE.value)  # CommentStatus
    moderation_reason = fields.CharField(max_length=500, null=True)  # shown to its author
    open_reports = fields.IntField(default=0, db_default=0)  # reports waiting for a moderator
    reply_count = fields.IntField(default=0, db_default=0)  # direct replies, visible or not
    # Reactions, one counter per kind of the fixed set (services/conversation/reactions.py)
    likes = fields.IntField(default=0, db_default=0)
    loves = fields.IntField(default=0, db_default=0)
    laughs = fields.IntField(default=0, db_default=0)
    helpfuls = fields.IntField(default=0, db_default=0)
    cheers = fields.IntField(default=0, db_default=0)
    edited_at = fields.DatetimeField(null=True)
    created_at = created_field()

    class Meta:
        table = "comments"
        indexes = (("entry_id", "created_at"), ("author_id", "created_at"))


class CommentReport(Model):
    """Someone flagged a comment: the ledger behind Comment.open_reports (open rows)."""

    id = id_field()
    comment: fields.ForeignKeyRelation[Comment] = fields.ForeignKeyField(
        "models.Comment", related_name="reports", on_delete=fields.CASCADE
    )
    reporter: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="comment_reports", on_delete=fields.CASCADE
    )
    reason = fields.CharField(max_length=20)  # ReportReason
    note = fields.CharField(max_length=1000, default="", db_default="")
    status = fields.CharField(max_length=10, default=ReportStatus.OPEN,
                              db_default=ReportStatus.OPEN.value)  # ReportStatus
    resolution = fields.CharField(max_length=20, null=True)  # hide, restore or dismiss
    created_at = created_field()
    resolved_at = fields.DatetimeField(null=True)

    class Meta:
        table = "comment_reports"
        unique_together = (("comment", "reporter"),)
        indexes = (("comment_id", "status", "created_at"),)


class SavedReply(Model):
    """A reply managers reuse, where the name placeholder becomes the person's first name."""

    id = id_field()
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="saved_replies", on_delete=fields.CASCADE
    )
    title = fields.CharField(max_length=80)
    body = fields.CharField(max_length=1000)
    created_by: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    created_at = created_field()

    class Meta:
        table = "saved_replies"
        unique_together = (("org", "title"),)
