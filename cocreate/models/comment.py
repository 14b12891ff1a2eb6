"""Conversation on entries: threaded comments, and the brand's saved replies."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


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
    status = fields.CharField(max_length=8, default="visible", db_default="visible")
    # visible, removed (by its author: shown as removed), hidden (by a moderator)
    reply_count = fields.IntField(default=0, db_default=0)  # direct replies, visible or not
    # Reactions, one counter per kind of the fixed set (services/reactions.py)
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
