"""What managers and the scheduler did: the audit log owners read."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class AuditEvent(Model):
    id = id_field()
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="audit_events", on_delete=fields.CASCADE
    )
    actor: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )  # None: the scheduler
    action = fields.CharField(max_length=40)
    target_type = fields.CharField(max_length=20)
    target_id = fields.CharField(max_length=16)
    summary = fields.CharField(max_length=300)
    data = fields.JSONField(default=dict)
    created_at = created_field()

    class Meta:
        table = "audit_events"
        indexes = (("org_id", "created_at"),)
