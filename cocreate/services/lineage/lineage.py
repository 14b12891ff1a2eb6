"""What a remix builds on and what builds on it. Read-only: credits are written when a
remix is submitted (services/entries/remix.py), and share cards read them here."""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.models import Entry, EntryCredit, EntryStatus, KitAsset


@dataclass(frozen=True)
class Credits:
    kit_assets: list[KitAsset]
    entries: list[Entry]

    @property
    def empty(self) -> bool:
        return not self.kit_assets and not self.entries


async def remixes_of(entry: Entry) -> Credits:
    """What `entry` credits."""
    rows = await EntryCredit.filter(entry_id=entry.id).select_related(
        "kit_asset", "kit_asset__media", "source_entry", "source_entry__author",
        "source_entry__media", "source_entry__team")
    return Credits(
        [row.kit_asset for row in rows if row.kit_asset_id],
        [row.source_entry for row in rows if row.source_entry_id],
    )


async def credit_line(entry: Entry, org_name: str) -> str:
    """Who a remix builds on, for its share card: "remix of Beach still by Remix Co, ..."."""
    sources = await remixes_of(entry)
    parts = [f"{asset.title} by {org_name}" for asset in sources.kit_assets]
    parts += [f"{source.title} by {source.author.display_name}" for source in sources.entries]
    return "remix of " + ", ".join(parts) if parts else ""


async def remixed_by(entry: Entry, limit: int = 50) -> list[Entry]:
    """Published entries crediting `entry`, newest first."""
    return (
        await Entry.filter(credits__source_entry_id=entry.id, status=EntryStatus.PUBLISHED)
        .select_related("author", "media", "team").order_by("-created_at").limit(limit)
    )
