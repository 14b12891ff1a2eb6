"""API: the conversation under an entry."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel
from starlette.requests import Request

from cocreate.api import present
from cocreate.api.comment_schemas import (
    CommentEditIn,
    CommentIn,
    CommentOut,
    CommentThread,
    HideIn,
)
from cocreate.api.endpoint import Endpoint
from cocreate.http import current_user, deps
from cocreate.services.conversation import comments, reactions
from cocreate.services.moderation import comment_moderation

if TYPE_CHECKING:
    from cocreate.models import Comment, User


def _out(request: Request, comment: Comment, revealed: bool = True,
         depth: int | None = None) -> CommentOut:
    return present.comment(deps(request).settings, comment, revealed=revealed, depth=depth)


async def list_comments(request: Request, entry: str) -> CommentThread:
    thread = await comments.thread(current_user(request), entry)
    return CommentThread(comments=[_out(request, item.comment, item.revealed, item.depth)
                                   for item in thread])


async def add_comment(request: Request, user: User, entry: str, body: CommentIn) -> CommentOut:
    return _out(request, await comments.post(deps(request), user, entry, body.body,
                                             body.parent_id))


async def edit_comment(request: Request, user: User, comment: str,
                       body: CommentEditIn) -> CommentOut:
    return _out(request, await comments.edit(deps(request), user, comment, body.body))


async def remove_comment(request: Request, user: User, comment: str) -> CommentOut:
    return _out(request, await comments.remove(user, comment))


async def hide_comment(request: Request, user: User, comment: str, body: HideIn) -> CommentOut:
    return _out(request, await comment_moderation.decide(deps(request), user, comment, "hide",
                                                         body.reason))


class ReactionsOut(BaseModel):
    reactions: dict[str, int]
    mine: list[str]


async def _react(request: Request, user: User, comment: str, kind: str,
                 on: bool) -> ReactionsOut:
    found, mine = await reactions.react(deps(request), user, comment, kind, on)
    return ReactionsOut(reactions=reactions.counts(found), mine=sorted(mine))


async def add_reaction(request: Request, user: User, comment: str, kind: str) -> ReactionsOut:
    return await _react(request, user, comment, kind, True)


async def remove_reaction(request: Request, user: User, comment: str,
                          kind: str) -> ReactionsOut:
    return await _react(request, user, comment, kind, False)


ENDPOINTS = [
    Endpoint("GET", "/entries/{entry:id}/comments", list_comments,
             "The conversation under an entry, in reading order", CommentThread, auth=False,
             errors=(404,)),
    Endpoint("POST", "/entries/{entry:id}/comments", add_comment,
             "Comment on an entry, or reply to a comment; people answered, mentioned and the "
             "entry's author are told", CommentOut, status=201, body=CommentIn,
             errors=(401, 403, 404, 422, 429)),
    Endpoint("PATCH", "/comments/{comment:id}", edit_comment,
             "Edit your comment (within 15 minutes of posting)", CommentOut,
             body=CommentEditIn, errors=(401, 403, 404, 422, 429)),
    Endpoint("POST", "/comments/{comment:id}/hide", hide_comment,
             "Hide a comment from view (managers and moderators); replies stay, its author is "
             "told why", CommentOut, body=HideIn, errors=(401, 403, 404, 409, 422, 429)),
    Endpoint("PUT", "/comments/{comment:id}/reactions/{kind}", add_reaction,
             "React to a comment: like, love, laugh, helpful or cheer", ReactionsOut,
             errors=(401, 403, 404, 422, 429)),
    Endpoint("DELETE", "/comments/{comment:id}/reactions/{kind}", remove_reaction,
             "Take your reaction back", ReactionsOut, errors=(401, 403, 404, 422, 429)),
    Endpoint("DELETE", "/comments/{comment:id}", remove_comment,
             "Remove your comment (it shows as removed; replies stay)", CommentOut,
             errors=(401, 403, 404)),
]
