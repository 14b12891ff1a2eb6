"""Pictures a manager places in a campaign's story (its description)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class CampaignImage(Model):
    """An uploaded image of the campaign's story. The story's Markdown places it as
    image:N, N being its position, and the images it does not place show as a gallery."""

    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="story_images", on_delete=fields.CASCADE
    )
    media: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Media", related_name=False, on_delete=fields.RESTRICT
    )
    alt = fields.CharField(max_length=300)  # what the picture shows, for screen readers
    position = fields.IntField()
    created_at = created_field()

    class Meta:
        table = "campaign_images"
        unique_together = (("campaign", "position"),)
