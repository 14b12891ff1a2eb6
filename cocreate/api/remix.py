"""API: remix kits, and the lineage of remixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import access, present, remix_schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import current_user, deps
from cocreate.lib import urls
from cocreate.services.campaigns import campaigns
from cocreate.services.entries import entries, remix
from cocreate.services.lineage.lineage import remixed_by, remixes_of

if TYPE_CHECKING:
    from cocreate.models import User


async def list_kit(request: Request, campaign: str) -> remix_schemas.KitList:
    found = await campaigns.view_campaign(current_user(request), campaign)
    storage = deps(request).storage
    return remix_schemas.KitList(campaign=campaign, assets=[
        present.kit_asset(storage, asset) for asset in await remix.kit(found)])


async def add_kit_asset(request: Request, user: User, campaign: str,
                        body: remix_schemas.KitAssetIn) -> remix_schemas.KitAssetOut:
    asset = await remix.add_kit_asset(user, campaign, body.media_id, body.title, body.licence)
    return present.kit_asset(deps(request).storage, asset)


async def remove_kit_asset(request: Request, user: User, campaign: str,
                           asset: str) -> remix_schemas.KitList:
    await remix.remove_kit_asset(user, campaign, asset)
    return await list_kit(request, campaign)


async def lineage(request: Request, entry: str) -> remix_schemas.LineageOut:
    found = await entries.view_entry(current_user(request), entry)
    d = deps(request)
    sources = await remixes_of(found)
    slug = found.campaign.slug
    return remix_schemas.LineageOut(
        entry=found.id,
        kit_assets=[present.kit_asset(d.storage, a) for a in sources.kit_assets],
        remixes=[present.entry(d.settings, d.storage, e, slug) for e in sources.entries],
        remixed_by=[present.entry(d.settings, d.storage, e, slug)
                    for e in await remixed_by(found)],
    )


def _node(request: Request, node: remix.TreeNode) -> remix_schemas.TreeNodeOut:
    settings = deps(request).settings
    children = [_node(request, child) for child in node.children]
    if node.kit_asset is not None:
        return remix_schemas.TreeNodeOut(kind="kit_asset", id=node.kit_asset.id,
                                   title=node.kit_asset.title, author=None, url=None,
                                   remix_count=node.kit_asset.remix_count, children=children)
    assert node.entry is not None
    return remix_schemas.TreeNodeOut(
        kind="entry", id=node.entry.id, title=node.entry.title,
        author=present.user(settings, node.entry.author),
        url=settings.absolute_url(urls.entry_path(node.entry.id)),
        remix_count=node.entry.remix_count, children=children)


async def family_tree(request: Request, campaign: str) -> remix_schemas.FamilyTree:
    found = await campaigns.view_campaign(current_user(request), campaign)
    roots = await remix.family_tree(found)
    return remix_schemas.FamilyTree(campaign=campaign, roots=[_node(request, n) for n in roots])


ENDPOINTS = [
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/kit", list_kit, "The campaign's remix kit",
             remix_schemas.KitList, auth=False, errors=(404,)),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/kit", add_kit_asset,
             "Add an uploaded file to the remix kit, with its licence (managers only)",
             remix_schemas.KitAssetOut, status=201, body=remix_schemas.KitAssetIn,
             errors=(401, 403, 404, 422), authorize=access.campaign_manager),
    Endpoint("DELETE", "/campaigns/{campaign:campaign_slug}/kit/{asset:id}", remove_kit_asset,
             "Remove a kit asset nobody has remixed yet (managers only)", remix_schemas.KitList,
             errors=(401, 403, 404, 409)),
    Endpoint("GET", "/entries/{entry:id}/lineage", lineage,
             "What an entry remixes, and what remixed it", remix_schemas.LineageOut, auth=False,
             errors=(404,)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/family-tree", family_tree,
             "The remix family tree: kit assets and originals with their remixes",
             remix_schemas.FamilyTree, auth=False, errors=(404,)),
]
