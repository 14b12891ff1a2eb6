"""A new entry as it comes in, from the campaign page's entry form or as the API's JSON body:
one shape for both, read the same way (a birth date that is not one is named the same), and
handed to entries.submit, which checks the rest."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from cocreate.services.core.validation import MultiLineText, SingleLineText
from cocreate.services.entries import entries

if TYPE_CHECKING:
    from cocreate.models import Entry, User
    from cocreate.services.core.context import Deps


class EntryInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: SingleLineText
    body: MultiLineText = ""
    media_id: SingleLineText | None = None
    accept_rules: bool = Field(False, description="Accept the campaign's current rules")
    birth_date: date | None = Field(None, description="Asked by campaigns with a minimum age")
    country: SingleLineText | None = Field(
        None, description="ISO 3166 alpha-2; asked by some campaigns")
    kit_assets: list[SingleLineText] = Field([], description="Remix kit assets this entry remixes")
    remix_of: list[SingleLineText] = Field(
        [], description="Entries of the campaign this entry remixes")
    tags: list[SingleLineText] = Field(
        [], description="Slugs of the campaign's tags (at most 3, counting "
        "a suggestion)")
    suggest_tag: SingleLineText | None = Field(
        None, description="A new tag to suggest: attached at once, "
        "offered to others once a manager approves it")

    @field_validator("birth_date", mode="before")
    @classmethod
    def _a_day(cls, value: object) -> object:
        if value == "":
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise PydanticCustomError("date", "Use a date like 2001-04-30.") from None
        return value


async def submit(deps: Deps, actor: User, campaign_slug: str, wanted: EntryInput) -> Entry:
    return await entries.submit(
        deps, actor, campaign_slug, wanted.title, wanted.body, wanted.media_id,
        accept_rules=wanted.accept_rules, birth_date=wanted.birth_date, country=wanted.country,
        kit_asset_ids=wanted.kit_assets, remix_of=wanted.remix_of, tag_slugs=wanted.tags,
        suggested_tag=wanted.suggest_tag,
    )
