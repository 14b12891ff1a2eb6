"""API: managers merge a duplicate idea into the one that stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.lib.identifiers import Id
from cocreate.services.moderation import merging

if TYPE_CHECKING:
    from cocreate.models import User


class MergeIn(schemas.Body):
    into: Id = Field(description="The id of the idea to keep")


class MergeOut(BaseModel):
    merged: schemas.EntryOut = Field(description="The duplicate, now merged")
    into: schemas.EntryOut = Field(description="The idea kept, with its new totals")
    votes_moved: int
    votes_removed: int = Field(description="Votes of people who had voted for both (or who "
                               "made the idea kept): they count once")
    comments_moved: int


async def merge_entry(request: Request, user: User, entry: str, body: MergeIn) -> MergeOut:
    d = deps(request)
    done = await merging.merge(d, user, entry, body.into)
    slug = done.into.campaign.slug
    return MergeOut(
        merged=present.entry(d.settings, d.storage, done.entry, slug),
        into=present.entry(d.settings, d.storage, done.into, slug,
                           credited=await merging.credited_authors(done.into)),
        votes_moved=done.votes_moved, votes_removed=done.votes_removed,
        comments_moved=done.comments_moved)


ENDPOINTS = [
    Endpoint("POST", "/entries/{entry:id}/merge", merge_entry,
             "Merge a duplicate idea into another of its campaign: votes (each person once), "
             "held votes and comments move, its authors are credited (managers)", MergeOut,
             body=MergeIn, errors=(401, 403, 404, 409, 422), authorize=access.entry_manager),
]
