"""Comment moderation pages: a fan reports a comment from the thread; a moderator hides,
restores or dismisses the reports of one, from the thread or from the moderation queue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.lib.errors import Conflict, DomainError, Forbidden, Invalid, RateLimited
from cocreate.services.moderation import comment_moderation, moderation
from cocreate.web.comments import answer, posted
from cocreate.web.common import after_post, local_referer, login_first, page, redirect
from cocreate.web.entries import entry_context
from cocreate.web.moderation import queue_context

if TYPE_CHECKING:
    from cocreate.models import Comment

REPORT_TEMPLATE = "partials/_comment_report.html"


def _failed(comment: Comment, error: DomainError, form: dict[str, str]) -> dict[str, Any]:
    return {"id": comment.id, "form": form, "errors": error.fields, "message": error.message}


async def report(request: Request) -> Response:
    """htmx swaps the comment's report control for a confirmation (or the form with its
    errors); a plain form goes back to the comment, with the confirmation in its place."""
    comment, submitted = await posted(request)
    at_comment = f"{urls.entry_path(comment.entry_id)}#comment-{comment.id}"
    user = current_user(request)
    if user is None:
        return login_first(request, at_comment)
    try:
        await comment_moderation.report(deps(request), user, comment.id,
                                        submitted.get("reason"), submitted.get("note"))
    except (Invalid, Conflict, Forbidden, RateLimited) as error:
        state = _failed(comment, error, submitted)
        if wants_fragment(request):
            return page(request, REPORT_TEMPLATE, {
                "comment": comment, "report_reasons": moderation.REASONS,
                "comment_report": state}, status_code=422)
        context = await entry_context(request, comment.entry_id, comment_report=state)
        return page(request, "pages/entry.html", context, status_code=error.status)
    if wants_fragment(request):
        return page(request, REPORT_TEMPLATE, {
            "comment": comment, "report_reasons": moderation.REASONS,
            "comment_report": {"id": comment.id, "sent": True}})
    return redirect(f"{urls.entry_path(comment.entry_id)}?reported_comment={comment.id}"
                    f"#comment-{comment.id}")


async def moderate(request: Request) -> Response:
    """A decision from the queue page goes back to the queue; one from the thread gets the
    thread again (htmx) or goes back to the comment."""
    user = require_user(request)
    comment, submitted = await posted(request)
    from_queue = submitted.get("in") == "queue"
    try:
        decided = await comment_moderation.decide(deps(request), user, comment.id,
                                                  submitted.get("action"),
                                                  submitted.get("reason"))
    except (Invalid, Conflict, RateLimited) as error:
        if not from_queue:
            return await answer(request, comment.entry_id, comment, error=error,
                                form=submitted, failed_action="moderate")
        context = await queue_context(request, submitted.get("campaign", ""),
                                      failed=_failed(comment, error, submitted))
        return page(request, "pages/moderation.html", context, status_code=error.status)
    if from_queue:
        return after_post(request, local_referer(request, urls.entry_path(comment.entry_id)))
    return await answer(request, decided.entry_id, decided)


ROUTES = [
    Route("/comments/{comment}/report", report, methods=["POST"]),
    Route("/comments/{comment}/moderate", moderate, methods=["POST"]),
]
