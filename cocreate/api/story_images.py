"""API: the pictures of a campaign's story (its description), placed as image:N."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import access
from cocreate.api.endpoint import Endpoint
from cocreate.api.story_image_schemas import (
    StoryImageAltIn,
    StoryImageIn,
    StoryImageList,
    StoryImageOrderIn,
    StoryImageOut,
)
from cocreate.doors.storage import Storage
from cocreate.http import current_user, deps
from cocreate.services.campaigns import campaigns, story_images
from cocreate.services.media.media import media_urls

if TYPE_CHECKING:
    from cocreate.models import CampaignImage, User

PATH = "/campaigns/{campaign:campaign_slug}/story-images"


def _image(storage: Storage, image: CampaignImage) -> StoryImageOut:
    files = media_urls(storage, image.media)
    return StoryImageOut(
        id=image.id, position=image.position, snippet=story_images.snippet(image),
        alt=image.alt, status=image.media.status, url=files["url"],
        thumbnail_url=files["thumbnail_url"], width=image.media.width,
        height=image.media.height,
    )


async def list_images(request: Request, campaign: str) -> StoryImageList:
    viewer = current_user(request)
    found = await campaigns.view_campaign(viewer, campaign)
    storage = deps(request).storage
    every = await story_images.images(found)
    story = await story_images.story(storage, found)
    shown = every if await campaigns.can_manage(viewer, found) else [
        image for image in every if image.media.status == "ready"]
    by_ref = {story_images.ref(image): image.id for image in every}
    return StoryImageList(
        campaign=campaign, images=[_image(storage, image) for image in shown],
        story_html=story.html, gallery=[by_ref[picture.ref] for picture in story.gallery],
    )


async def add_image(request: Request, user: User, campaign: str,
                    body: StoryImageIn) -> StoryImageOut:
    image = await story_images.add_image(deps(request), user, campaign, body.media_id, body.alt)
    return _image(deps(request).storage, image)


async def set_alt(request: Request, user: User, campaign: str, image: str,
                  body: StoryImageAltIn) -> StoryImageOut:
    found = await story_images.set_alt(deps(request), user, campaign, image, body.alt)
    return _image(deps(request).storage, found)


async def remove_image(request: Request, user: User, campaign: str,
                       image: str) -> StoryImageList:
    await story_images.remove_image(deps(request), user, campaign, image)
    return await list_images(request, campaign)


async def reorder(request: Request, user: User, campaign: str,
                  body: StoryImageOrderIn) -> StoryImageList:
    await story_images.reorder(deps(request), user, campaign, body.ids)
    return await list_images(request, campaign)


ENDPOINTS = [
    Endpoint("GET", PATH, list_images,
             "The pictures of a campaign's story, and the story with them placed",
             StoryImageList, auth=False, errors=(404,)),
    Endpoint("POST", PATH, add_image,
             "Add an uploaded image to the story, with its alt text (managers only)",
             StoryImageOut, status=201, body=StoryImageIn, errors=(401, 403, 404, 409, 422, 429),
             authorize=access.campaign_manager),
    Endpoint("PATCH", PATH + "/{image:id}", set_alt, "Change an image's alt text (managers only)",
             StoryImageOut, body=StoryImageAltIn, errors=(401, 403, 404, 422, 429),
             authorize=access.campaign_manager),
    Endpoint("DELETE", PATH + "/{image:id}", remove_image,
             "Remove an image from the story; the others keep their numbers (managers only)",
             StoryImageList, errors=(401, 403, 404, 429)),
    Endpoint("PUT", PATH + "/order", reorder,
             "Number the story's images again in a new order (managers only)",
             StoryImageList, body=StoryImageOrderIn, errors=(401, 403, 404, 422, 429),
             authorize=access.campaign_manager),
]
