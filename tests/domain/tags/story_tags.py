"""Tagged campaigns for the tag stories."""

from __future__ import annotations

from cocreate.models import Campaign, Tag, User
from cocreate.services.core.context import Deps
from cocreate.services.tags import tag_curation


async def curated(deps: Deps, manager: User, campaign: Campaign, *names: str) -> list[Tag]:
    """The manager adds these approved tags to the campaign."""
    return [await tag_curation.create(deps, manager, campaign.slug, name) for name in names]


async def count_of(tag: Tag) -> int:
    """The tag's stored count of published entries, as it is now."""
    return (await Tag.get(id=tag.id)).entry_count
