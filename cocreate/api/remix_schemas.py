"""API v1 bodies of remixing: the remix kit, lineage and family trees."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from cocreate.api.schemas import Body, EntryOut, UserOut
from cocreate.lib.identifiers import Id


class KitAssetIn(Body):
    media_id: Id
    title: str
    licence: str


class KitAssetOut(BaseModel):
    id: str
    title: str
    licence: str
    content_type: str | None
    url: str | None
    thumbnail_url: str | None
    remix_count: int


class KitList(BaseModel):
    campaign: str
    assets: list[KitAssetOut]


class LineageOut(BaseModel):
    entry: str
    kit_assets: list[KitAssetOut] = Field(description="Kit assets this entry remixes")
    remixes: list[EntryOut] = Field(description="Entries this entry remixes")
    remixed_by: list[EntryOut] = Field(description="Published entries that remix this one")


class TreeNodeOut(BaseModel):
    kind: Literal["kit_asset", "entry"]
    id: str
    title: str
    author: UserOut | None
    url: str | None
    remix_count: int
    children: list[TreeNodeOut]


class FamilyTree(BaseModel):
    campaign: str
    roots: list[TreeNodeOut]
