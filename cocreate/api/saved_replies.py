"""API: the organization's saved replies, and one filled in for an entry's person."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.lib.identifiers import HandleRef, Id
from cocreate.services.recognition import saved_replies

if TYPE_CHECKING:
    from cocreate.models import SavedReply, User


class SavedReplyIn(schemas.Body):
    title: str = Field(max_length=500, description="Unique within the organization, ≤ 80 "
                                                   "characters")
    body: str = Field(max_length=5000, description="The note, with {name} where the "
                                                   "person's first name goes (≤ 1000)")


class SavedReplyPatch(schemas.Body):
    title: str | None = Field(default=None, max_length=500)
    body: str | None = Field(default=None, max_length=5000)


class SavedReplyOut(BaseModel):
    id: str
    title: str
    body: str
    created_by: schemas.UserOut
    created_at: datetime


class SavedReplyList(BaseModel):
    saved_replies: list[SavedReplyOut]


class FilledQuery(BaseModel):
    entry: Id = Field(description="The entry whose author (or team member) is thanked")
    handle: HandleRef | None = Field(default=None,
                                     description="A team member; the author if left out")


class FilledOut(BaseModel):
    note: str


def _out(request: Request, reply: SavedReply) -> SavedReplyOut:
    return SavedReplyOut(id=reply.id, title=reply.title, body=reply.body,
                         created_by=present.user(deps(request).settings, reply.created_by),
                         created_at=reply.created_at)


async def list_saved_replies(request: Request, user: User, org: str) -> SavedReplyList:
    return SavedReplyList(saved_replies=[
        _out(request, reply) for reply in await saved_replies.of_org(user, org)])


async def create_saved_reply(request: Request, user: User, org: str,
                             body: SavedReplyIn) -> SavedReplyOut:
    return _out(request, await saved_replies.create(user, org, body.title, body.body))


async def update_saved_reply(request: Request, user: User, org: str, reply: str,
                             body: SavedReplyPatch) -> SavedReplyOut:
    return _out(request, await saved_replies.update(user, org, reply, body.title, body.body))


async def delete_saved_reply(request: Request, user: User, org: str,
                             reply: str) -> SavedReplyList:
    await saved_replies.delete(user, org, reply)
    return await list_saved_replies(request, user, org)


async def filled_saved_reply(request: Request, user: User, org: str, reply: str,
                             query: FilledQuery) -> FilledOut:
    return FilledOut(note=await saved_replies.note_for(user, query.entry, reply, query.handle,
                                                       org_slug=org))


ENDPOINTS = [
    Endpoint("GET", "/orgs/{org:org_slug}/saved-replies", list_saved_replies,
             "The organization's saved replies for thanking people (managers)", SavedReplyList,
             errors=(401, 403, 404)),
    Endpoint("POST", "/orgs/{org:org_slug}/saved-replies", create_saved_reply,
             "Save a reply; its body must hold {name}, which becomes the person's first name "
             "(managers; at most 50)", SavedReplyOut, status=201, body=SavedReplyIn,
             errors=(401, 403, 404, 409, 422), authorize=access.org_manager),
    Endpoint("PATCH", "/orgs/{org:org_slug}/saved-replies/{reply:id}", update_saved_reply,
             "Change a saved reply's title or body (managers)", SavedReplyOut,
             body=SavedReplyPatch, errors=(401, 403, 404, 409, 422), authorize=access.org_manager),
    Endpoint("DELETE", "/orgs/{org:org_slug}/saved-replies/{reply:id}", delete_saved_reply,
             "Delete a saved reply; returns the ones left (managers)", SavedReplyList,
             errors=(401, 403, 404)),
    Endpoint("GET", "/orgs/{org:org_slug}/saved-replies/{reply:id}/filled", filled_saved_reply,
             "A saved reply addressed to an entry's author (or a team member): the note to "
             "send, or to edit first, as an acknowledgement (managers)", FilledOut,
             query=FilledQuery, errors=(401, 403, 404, 422)),
]
