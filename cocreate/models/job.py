"""The job outbox: a job is recorded in the same transaction as the change that caused it."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class Job(Model):
    id = id_field()
    key = fields.CharField(max_length=120, unique=True)
    name = fields.CharField(max_length=60)
    payload = fields.JSONField(default=dict)
    status = fields.CharField(max_length=10, default="pending")  # pending | sent | done | failed
    attempts = fields.IntField(default=0)
    last_error = fields.TextField(null=True)
    created_at = created_field()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "jobs"
        indexes = (("status", "updated_at"),)
