"""Comment moderation pages: a fan reports a comment from the thread; a moderator hides,
restores or dismisses the reports of one, from the thread or from the moderation queue."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.services.moderation import comment_moderation, moderation
from cocreate.web.comments import answer, posted, thread_form
from cocreate.web.common import after_post, local_referer, login_first, page, redirect
from cocreate.web.entries import entry_context
from cocreate.web.forms import Form, form_action
from cocreate.web.moderation import queue_context

REPORT_TEMPLATE = "partials/_comment_report.html"


async def _report_form(request: Request, sent: dict[str, str]) -> Form:
    """htmx: the comment's report control; a plain form: the entry's page, open at it."""
    comment, _ = await posted(request)
    state = {"id": comment.id, "form": sent}
    if wants_fragment(request):
        return Form(REPORT_TEMPLATE, {"comment": comment, "report_reasons": moderation.REASONS,
                                      "comment_report": state})
    return Form("pages/entries/entry.html",
                await entry_context(request, comment.entry_id, comment_report=state))


@form_action(_report_form)
async def report(request: Request) -> Response:
    """htmx swaps the comment's report control for a confirmation (or the form with its
    errors); a plain form goes back to the comment, with the confirmation in its place."""
    comment, submitted = await posted(request)
    at_comment = f"{urls.entry_path(comment.entry_id)}#comment-{comment.id}"
    user = current_user(request)
    if user is None:
        return login_first(request, at_comment)
    await comment_moderation.report(deps(request), user, comment.id,
                                    submitted.get("reason"), submitted.get("note"))
    if wants_fragment(request):
        return page(request, REPORT_TEMPLATE, {
            "comment": comment, "report_reasons": moderation.REASONS,
            "comment_report": {"id": comment.id, "sent": True}})
    return redirect(f"{urls.entry_path(comment.entry_id)}?reported_comment={comment.id}"
                    f"#comment-{comment.id}")


async def _moderate_form(request: Request, sent: dict[str, str]) -> Form:
    """The queue page's form of the comment, or the thread's."""
    if sent.get("in") != "queue":
        return await thread_form("moderate")(request, sent)
    comment, _ = await posted(request)
    context = await queue_context(request, sent.get("campaign", ""),
                                  failed={"id": comment.id, "form": sent})
    return Form("pages/moderation/moderation.html", context)


@form_action(_moderate_form)
async def moderate(request: Request) -> Response:
    """A decision from the queue page goes back to the queue; one from the thread gets the
    thread again (htmx) or goes back to the comment."""
    user = require_user(request)
    comment, submitted = await posted(request)
    decided = await comment_moderation.decide(deps(request), user, comment.id,
                                              submitted.get("action"), submitted.get("reason"))
    if submitted.get("in") == "queue":
        return after_post(request, local_referer(request, urls.entry_path(comment.entry_id)))
    return await answer(request, decided.entry_id, decided)


ROUTES = [
    Route("/comments/{comment:id}/report", report, methods=["POST"]),
    Route("/comments/{comment:id}/moderate", moderate, methods=["POST"]),
]
