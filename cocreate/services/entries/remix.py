"""Remixing: the brand's remix kit, the credits a remix gives to what it builds on, and a
campaign's family tree (what one entry remixes and what remixed it: services/lineage/).

"Remixed N times" counts published entries crediting an entry or a kit asset. It is kept on
the row and moved in the transaction that publishes or unpublishes the remix, never counted
per request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, Invalid, NotFound
from cocreate.models import (
    Campaign,
    CampaignKind,
    Entry,
    EntryCredit,
    EntryStatus,
    KitAsset,
    Media,
    MediaStatus,
    User,
)
from cocreate.services.campaigns import campaigns
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors
from cocreate.services.lineage.lineage import Credits
from cocreate.services.orgs import orgs

REMIX_KIND = CampaignKind.REMIX
# Team challenges may hand out a kit to remix together.
KIT_KINDS = (CampaignKind.REMIX, CampaignKind.TEAM)
MAX_CREDITS = 10
TREE_DEPTH = 6
TREE_LIMIT = 500


@dataclass
class TreeNode:
    """A kit asset or an entry, with the published entries that remix it."""

    kit_asset: KitAsset | None = None
    entry: Entry | None = None
    children: list[TreeNode] = field(default_factory=list)


# The remix kit ------------------------------------------------------------------------------

async def kit(campaign: Campaign) -> list[KitAsset]:
    return await KitAsset.filter(campaign=campaign).select_related("media").order_by("created_at")


async def add_kit_asset(actor: User, campaign_slug: str, media_id: str | None,
                        title: str | None, licence: str | None) -> KitAsset:
    campaign = await campaigns.get_campaign(campaign_slug)
    await orgs.require_manager(actor, campaign.org)
    if campaign.kind not in KIT_KINDS:
        raise Invalid("Only remix and team challenges have a remix kit.")
    errors = FieldErrors()
    title = errors.text("title", title, label="Title", max_len=140)
    licence = errors.text("licence", licence, label="Licence", min_len=10, max_len=5000,
                          multiline=True)
    media = await Media.get_or_none(id=media_id or "", owner=actor, status=MediaStatus.READY)
    if media is None:
        errors.add("media_id", "Use a file you uploaded that has finished processing.")
    errors.raise_if_any()
    async with in_transaction():
        asset = await KitAsset.create(campaign=campaign, media=media, title=title,
                                      licence=licence)
        await audit.record(campaign.org_id, actor, "kit.add", "kit_asset", asset.id,
                           f"Added “{title}” to the remix kit of “{campaign.title}”")
    return await KitAsset.get(id=asset.id).select_related("media")


async def remove_kit_asset(actor: User, campaign_slug: str, asset_id: str) -> None:
    campaign = await campaigns.get_campaign(campaign_slug)
    await orgs.require_manager(actor, campaign.org)
    asset = await KitAsset.get_or_none(id=asset_id, campaign=campaign)
    if asset is None:
        raise NotFound("This campaign's kit has no such asset.")
    if await EntryCredit.exists(kit_asset=asset):
        raise Conflict("Fans have remixed this asset; it stays in the kit to keep their credits.")
    async with in_transaction():
        await asset.delete()
        await audit.record(campaign.org_id, actor, "kit.remove", "kit_asset", asset_id,
                           f"Removed “{asset.title}” from the remix kit of “{campaign.title}”")


# Credits ------------------------------------------------------------------------------------

async def check_credits(campaign: Campaign, kit_asset_ids: list[str], entry_ids: list[str],
                        errors: FieldErrors) -> Credits:
    """What a new entry credits. A remix challenge's entries credit at least one thing."""
    kit_asset_ids, entry_ids = list(dict.fromkeys(kit_asset_ids)), list(dict.fromkeys(entry_ids))
    if len(kit_asset_ids) + len(entry_ids) > MAX_CREDITS:
        errors.add("remixes", f"Credit at most {MAX_CREDITS} sources.")
        return Credits([], [])
    assets = await KitAsset.filter(id__in=kit_asset_ids, campaign=campaign)
    if len(assets) != len(kit_asset_ids):
        errors.add("kit_assets", "Credit assets from this campaign's remix kit.")
    sources = await Entry.filter(id__in=entry_ids, campaign=campaign,
                                 status=EntryStatus.PUBLISHED).select_related("author")
    if len(sources) != len(entry_ids):
        errors.add("remixes", "Credit published entries of this campaign.")
    credits = Credits(assets, sources)
    if campaign.kind == REMIX_KIND and credits.empty and not errors.fields.get("remixes"):
        errors.add("remixes", "Say what you remixed: an asset of the kit or other entries.")
    return credits


async def record_credits(entry: Entry, credits: Credits) -> None:
    """Inside the submission's transaction."""
    for asset in credits.kit_assets:
        await EntryCredit.create(entry=entry, kit_asset=asset)
    for source in credits.entries:
        await EntryCredit.create(entry=entry, source_entry=source)


async def count_remix(entry: Entry, delta: int) -> None:
    """The entry was published (+1) or unpublished (-1): move its sources' counters."""
    rows = await EntryCredit.filter(entry_id=entry.id).values("source_entry_id", "kit_asset_id")
    entry_ids = [r["source_entry_id"] for r in rows if r["source_entry_id"]]
    asset_ids = [r["kit_asset_id"] for r in rows if r["kit_asset_id"]]
    if entry_ids:
        await Entry.filter(id__in=entry_ids).update(remix_count=F("remix_count") + delta)
    if asset_ids:
        await KitAsset.filter(id__in=asset_ids).update(remix_count=F("remix_count") + delta)


# Lineage ------------------------------------------------------------------------------------

async def family_tree(campaign: Campaign) -> list[TreeNode]:
    """Kit assets and original entries, each with the remixes that descend from it."""
    published = {
        e.id: e for e in await Entry.filter(campaign=campaign, status=EntryStatus.PUBLISHED)
        .select_related("author").order_by("created_at").limit(TREE_LIMIT)
    }
    credits = await EntryCredit.filter(entry_id__in=list(published)) \
        .values("entry_id", "source_entry_id", "kit_asset_id")
    children: dict[str, list[str]] = {}
    remixing: set[str] = set()
    for credit in credits:
        parent = credit["kit_asset_id"] or credit["source_entry_id"]
        if credit["source_entry_id"] and credit["source_entry_id"] not in published:
            continue
        children.setdefault(parent, []).append(credit["entry_id"])
        remixing.add(credit["entry_id"])

    def grow(parent_id: str, depth: int) -> list[TreeNode]:
        if depth >= TREE_DEPTH:
            return []
        return [TreeNode(entry=published[child], children=grow(child, depth + 1))
                for child in children.get(parent_id, [])]

    roots = [TreeNode(kit_asset=asset, children=grow(asset.id, 1))
             for asset in await kit(campaign)]
    roots += [TreeNode(entry=entry, children=grow(entry.id, 1))
              for entry in published.values()
              if entry.id not in remixing and children.get(entry.id)]
    return roots
