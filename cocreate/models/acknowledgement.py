"""The brand thanking a person by name for what they contributed."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class Acknowledgement(Model):
    """A manager's personal note to one person about one contribution, shown publicly."""

    id = id_field()
    org: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Organization", related_name="acknowledgements", on_delete=fields.CASCADE
    )
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name=False, on_delete=fields.CASCADE
    )
    entry: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Entry", related_name="acknowledgements", on_delete=fields.CASCADE
    )
    recipient: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="acknowledgements", on_delete=fields.CASCADE
    )
    author: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    note = fields.TextField()
    created_at = created_field()

    class Meta:
        table = "acknowledgements"
        unique_together = (("entry", "recipient"),)
        indexes = (("org_id", "created_at"),)
