"""Uploaded media: untrusted until a worker has checked and re-encoded it."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class MediaStatus(StrEnum):
    """uploading → processing → ready or rejected: usable only once a worker has checked and
    re-encoded it."""

    UPLOADING = "uploading"
    PROCESSING = "processing"
    READY = "ready"
    REJECTED = "rejected"


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"


class Media(Model):
    id = id_field()
    owner: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="media", on_delete=fields.CASCADE
    )
    status = fields.CharField(max_length=12, default=MediaStatus.UPLOADING)  # MediaStatus
    kind = fields.CharField(max_length=5, default=MediaKind.IMAGE,
                            db_default=MediaKind.IMAGE.value)  # MediaKind
    filename = fields.CharField(max_length=255)
    declared_type = fields.CharField(max_length=40)
    declared_size = fields.IntField()
    upload_key = fields.CharField(max_length=255)
    key = fields.CharField(max_length=255, null=True)
    thumbnail_key = fields.CharField(max_length=255, null=True)
    poster_key = fields.CharField(max_length=255, null=True)  # a video's still, as a JPEG
    seconds = fields.FloatField(null=True)  # how long a video or audio clip runs
    content_type = fields.CharField(max_length=40, null=True)
    width = fields.IntField(null=True)
    height = fields.IntField(null=True)
    reason = fields.CharField(max_length=255, null=True)
    created_at = created_field()

    class Meta:
        table = "media"
