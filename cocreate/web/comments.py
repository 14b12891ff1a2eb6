"""The conversation under an entry: reading it, commenting, replying, editing, removing
(reporting and moderating comments: web/comment_moderation.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.lib.errors import DomainError, Forbidden, Invalid, NotFound, RateLimited
from cocreate.read_models import entry as entry_model
from cocreate.services.conversation import comments, reactions
from cocreate.services.entries import entries
from cocreate.services.moderation import comment_moderation, moderation
from cocreate.web.common import form_data, login_first, page, redirect

if TYPE_CHECKING:
    from cocreate.models import Comment, Entry, User

TEMPLATE = "partials/_comments.html"


async def thread_parts(viewer: User | None, entry: Entry) -> dict[str, Any]:
    return thread_vars(await entry_model.conversation(entry_model.Viewing(viewer, entry)))


def thread_vars(talk: entry_model.Conversation) -> dict[str, Any]:
    """What the conversation partial needs besides the entry (the entry page's too)."""
    return {"thread": talk.thread, "can_hide": talk.can_hide, "editable": talk.editable,
            "comment_form": {}, "reaction_kinds": reactions.KINDS,
            "report_reasons": moderation.REASONS,
            "pending_review": comment_moderation.hidden_by_reports, "reacted": talk.reacted}


async def thread_context(request: Request, entry_id: str, **extra: Any) -> dict[str, Any]:
    viewer = current_user(request)
    entry = await entries.view_entry(viewer, entry_id)
    return {"entry": entry, **await thread_parts(viewer, entry), "errors": {}, **extra}


async def answer(request: Request, entry_id: str, comment: Comment | None = None,
                 error: DomainError | None = None, form: dict[str, str] | None = None,
                 failed_action: str = "") -> Response:
    """htmx gets the thread again; a plain form goes back to the entry (at the comment).

    A failed reply (or, with `failed_action`, another form of a comment) shows its message at
    the comment it was about."""
    if error is not None:
        failed_at = (form or {}).get("parent_id", "")
        if failed_action and comment is not None:
            failed_at = comment.id
        context = await thread_context(request, entry_id, comment_form=form or {},
                                       message=error.message, errors=error.fields,
                                       failed_parent=failed_at, failed_action=failed_action)
        return page(request, TEMPLATE, context, status_code=422 if wants_fragment(request)
                    else error.status)
    if wants_fragment(request):
        return page(request, TEMPLATE, await thread_context(request, entry_id))
    anchor = f"#comment-{comment.id}" if comment else "#comments"
    return redirect(urls.entry_path(entry_id) + anchor)


async def thread_fragment(request: Request) -> Response:
    return page(request, TEMPLATE, await thread_context(request, request.path_params["entry"]))


async def post(request: Request) -> Response:
    entry_id = request.path_params["entry"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.entry_path(entry_id) + "#comments")
    form = await form_data(request)
    try:
        comment = await comments.post(deps(request), user, entry_id, form.get("body"),
                                      form.get("parent_id") or None)
    except (Invalid, Forbidden, NotFound, RateLimited) as error:
        return await answer(request, entry_id, error=error, form=form)
    return await answer(request, entry_id, comment)


async def posted(request: Request) -> tuple[Comment, dict[str, str]]:
    """The comment a form acts on, and what the form sent."""
    found = await comments.comment_in_view(current_user(request), request.path_params["comment"])
    return found, await form_data(request)


async def edit(request: Request) -> Response:
    user = require_user(request)
    found, form = await posted(request)
    try:
        comment = await comments.edit(deps(request), user, found.id, form.get("body"))
    except (Invalid, Forbidden, RateLimited) as error:
        return await answer(request, found.entry_id, error=error, form=form)
    return await answer(request, found.entry_id, comment)


async def remove(request: Request) -> Response:
    user = require_user(request)
    comment = await comments.remove(user, request.path_params["comment"])
    return await answer(request, comment.entry_id, comment)


async def react(request: Request) -> Response:
    """Toggle one reaction: htmx swaps the comment's reaction bar, a plain form goes back."""
    comment_id = request.path_params["comment"]
    user = current_user(request)
    if user is None:
        return login_first(request, "/")
    form = await form_data(request)
    comment, mine = await reactions.react(deps(request), user, comment_id, form.get("kind"),
                                          on=form.get("on") == "1")
    if wants_fragment(request):
        return page(request, "partials/_reactions.html", {
            "comment": comment, "mine": mine, "reaction_kinds": reactions.KINDS})
    return redirect(f"{urls.entry_path(comment.entry_id)}#comment-{comment.id}")


ROUTES = [
    Route("/e/{entry}/comments", thread_fragment, methods=["GET"]),
    Route("/e/{entry}/comments", post, methods=["POST"]),
    Route("/comments/{comment}/edit", edit, methods=["POST"]),
    Route("/comments/{comment}/remove", remove, methods=["POST"]),
    Route("/comments/{comment}/react", react, methods=["POST"]),
]
