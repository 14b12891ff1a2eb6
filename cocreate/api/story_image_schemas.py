"""Request and response bodies of API v1 for the pictures of a campaign's story."""

from __future__ import annotations

from pydantic import BaseModel, Field

from cocreate.api.schemas import Body
from cocreate.lib.identifiers import Id
from cocreate.models import MediaStatus


class StoryImageIn(Body):
    media_id: Id | None = Field(None, description="An image you uploaded (it may still be "
                                 "being checked)")
    alt: str | None = Field(None, description="What the picture shows (required, up to 300 "
                            "characters)")


class StoryImageAltIn(Body):
    alt: str | None = Field(None, description="What the picture shows (required)")


class StoryImageOrderIn(Body):
    ids: list[Id] = Field(description="Every image of the story once, in the new order: "
                           "they are numbered 1, 2, 3 ... again")


class StoryImageOut(BaseModel):
    id: str
    position: int = Field(description="N in image:N, how the story's Markdown places it")
    snippet: str = Field(description="Markdown that places the image, e.g. ![alt](image:1)")
    alt: str
    status: MediaStatus = Field(
        description="The upload's check: only ready images show")
    url: str | None
    thumbnail_url: str | None
    width: int | None
    height: int | None


class StoryImageList(BaseModel):
    campaign: str
    images: list[StoryImageOut] = Field(description="Managers see every image; others see "
                                        "the ready ones")
    story_html: str = Field(description="The description with its ready images placed")
    gallery: list[str] = Field(description="Ids of ready images the description does not "
                               "place, shown as a gallery under it")
