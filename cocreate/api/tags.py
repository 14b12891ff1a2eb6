"""API: a campaign's tags, an entry's tags, and the managers' curation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import access, present, tag_schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import current_user, deps
from cocreate.lib import urls
from cocreate.services.tags import tag_curation, tags
from cocreate.settings import Settings

if TYPE_CHECKING:
    from cocreate.models import Tag, User


def tag_out(settings: Settings, campaign_slug: str, found: Tag) -> tag_schemas.TagOut:
    return tag_schemas.TagOut(
        **present.tag_ref(found).model_dump(), entry_count=found.entry_count,
        url=settings.absolute_url(urls.tag_filter_path(campaign_slug, found.slug)))


async def list_tags(request: Request, campaign: str) -> tag_schemas.TagList:
    viewer = current_user(request)
    _, offered = await tags.listed(viewer, campaign)
    settings = deps(request).settings
    return tag_schemas.TagList(campaign=campaign,
                               tags=[tag_out(settings, campaign, t) for t in offered])


async def create_tag(request: Request, user: User, campaign: str,
                     body: tag_schemas.TagIn) -> tag_schemas.TagOut:
    created = await tag_curation.create(deps(request), user, campaign, body.name, body.color)
    return tag_out(deps(request).settings, campaign, created)


async def update_tag(request: Request, user: User, campaign: str, tag: str,
                     body: tag_schemas.TagIn) -> tag_schemas.TagOut:
    changed = await tag_curation.update(deps(request), user, campaign, tag, body.name,
                                        body.color)
    return tag_out(deps(request).settings, campaign, changed)


async def approve_tag(request: Request, user: User, campaign: str,
                      tag: str) -> tag_schemas.TagOut:
    approved = await tag_curation.approve(deps(request), user, campaign, tag)
    return tag_out(deps(request).settings, campaign, approved)


async def reject_tag(request: Request, user: User, campaign: str,
                     tag: str) -> tag_schemas.Deleted:
    await tag_curation.reject(deps(request), user, campaign, tag)
    return tag_schemas.Deleted(deleted=tag)


async def delete_tag(request: Request, user: User, campaign: str,
                     tag: str) -> tag_schemas.Deleted:
    await tag_curation.delete(deps(request), user, campaign, tag)
    return tag_schemas.Deleted(deleted=tag)


async def merge_tag(request: Request, user: User, campaign: str, tag: str,
                    body: tag_schemas.TagMergeIn) -> tag_schemas.TagOut:
    target = await tag_curation.merge(deps(request), user, campaign, tag, body.into)
    return tag_out(deps(request).settings, campaign, target)


async def set_entry_tags(request: Request, user: User, entry: str,
                         body: tag_schemas.EntryTagsIn) -> tag_schemas.EntryTagsOut:
    carried = await tags.set_entry_tags(deps(request), user, entry, body.tags, body.suggest_tag)
    return tag_schemas.EntryTagsOut(entry=entry, tags=[present.tag_ref(t) for t in carried])


CURATION = (401, 403, 404, 409, 429)
ENDPOINTS = [
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/tags", list_tags,
             "The campaign's tags, most used first", tag_schemas.TagList, auth=False,
             errors=(404,)),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/tags", create_tag, "Add a tag (managers)",
             tag_schemas.TagOut, status=201, body=tag_schemas.TagIn, errors=CURATION,
             authorize=access.campaign_manager),
    Endpoint("PUT", "/campaigns/{campaign:campaign_slug}/tags/{tag:tag_slug}", update_tag,
             "Rename or recolour a tag (managers)", tag_schemas.TagOut, body=tag_schemas.TagIn,
             errors=CURATION, authorize=access.campaign_manager),
    Endpoint("DELETE", "/campaigns/{campaign:campaign_slug}/tags/{tag:tag_slug}", delete_tag,
             "Delete a tag: it comes off its entries (managers)", tag_schemas.Deleted,
             errors=CURATION),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/tags/{tag:tag_slug}/approve", approve_tag,
             "Approve a fan's suggested tag: everyone may pick it (managers)",
             tag_schemas.TagOut, errors=CURATION),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/tags/{tag:tag_slug}/reject", reject_tag,
             "Reject a suggested tag: it comes off its entries (managers)",
             tag_schemas.Deleted, errors=CURATION),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/tags/{tag:tag_slug}/merge", merge_tag,
             "Merge a tag into another: its entries move, each tagged once (managers)",
             tag_schemas.TagOut, body=tag_schemas.TagMergeIn, errors=CURATION,
             authorize=access.campaign_manager),
    Endpoint("PUT", "/entries/{entry:id}/tags", set_entry_tags,
             "Set an entry's tags, or suggest a new one (its author or the managers)",
             tag_schemas.EntryTagsOut, body=tag_schemas.EntryTagsIn,
             errors=(401, 403, 404, 429)),
]
