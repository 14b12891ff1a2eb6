"""API: reporting comments, and the moderators' decisions on them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.comment_schemas import CommentModerationIn, CommentOut, CommentReportOut
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.services.moderation import comment_moderation

if TYPE_CHECKING:
    from cocreate.models import User


async def report_comment(request: Request, user: User, comment: str,
                         body: schemas.ReportIn) -> CommentReportOut:
    d = deps(request)
    found = await comment_moderation.report(d, user, comment, body.reason, body.note)
    return present.comment_report(d.settings, found)


async def moderate_comment(request: Request, user: User, comment: str,
                           body: CommentModerationIn) -> CommentOut:
    d = deps(request)
    found = await comment_moderation.decide(d, user, comment, body.action, body.reason)
    return present.comment(d.settings, found, revealed=True)


ENDPOINTS = [
    Endpoint("POST", "/comments/{comment:id}/report", report_comment,
             "Report a comment to the moderators (once per person); enough open reports hide "
             "it until one reviews it", CommentReportOut, status=201, body=schemas.ReportIn,
             errors=(401, 403, 404, 409, 422, 429)),
    Endpoint("POST", "/comments/{comment:id}/moderate", moderate_comment,
             "Hide a comment, restore a hidden one, or dismiss its reports (managers and "
             "moderators); closes its open reports and tells its author", CommentOut,
             body=CommentModerationIn, errors=(401, 403, 404, 409, 422, 429)),
]
