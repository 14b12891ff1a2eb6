"""The conversation under an entry: reading it, commenting, replying, editing, removing
(reporting and moderating comments: web/comment_moderation.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.services.conversation import comments, reactions
from cocreate.web.common import form_data, login_first, page, redirect
from cocreate.web.conversation import TEMPLATE, thread_context
from cocreate.web.entries import entry_context
from cocreate.web.forms import Form, FormView, form_action

if TYPE_CHECKING:
    from cocreate.models import Comment


def thread_form(failed_action: str = "") -> FormView:
    """A form of the conversation as sent: htmx gets the thread, a plain form the entry's page.
    A reply's refusal (or, with `failed_action`, one of another form of a comment) shows at
    the comment it was about; a new comment's above the thread."""
    async def view(request: Request, sent: dict[str, str]) -> Form:
        if "comment" in request.path_params:
            comment, _ = await posted(request)
            entry_id = comment.entry_id
            failed_at = comment.id if failed_action else sent.get("parent_id", "")
        else:
            entry_id = request.path_params["entry"]
            failed_at = sent.get("parent_id", "")
        kept = {"comment_form": sent, "failed_parent": failed_at,
                "failed_action": failed_action}
        if wants_fragment(request):
            return Form(TEMPLATE, await thread_context(request, entry_id, **kept))
        return Form("pages/entries/entry.html", await entry_context(request, entry_id, **kept))

    return view


async def answer(request: Request, entry_id: str, comment: Comment | None = None) -> Response:
    """htmx gets the thread again; a plain form goes back to the entry (at the comment)."""
    if wants_fragment(request):
        return page(request, TEMPLATE, await thread_context(request, entry_id))
    anchor = f"#comment-{comment.id}" if comment else "#comments"
    return redirect(urls.entry_path(entry_id) + anchor)


async def thread_fragment(request: Request) -> Response:
    return page(request, TEMPLATE, await thread_context(request, request.path_params["entry"]))


@form_action(thread_form())
async def post(request: Request) -> Response:
    entry_id = request.path_params["entry"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.entry_path(entry_id) + "#comments")
    form = await form_data(request)
    comment = await comments.post(deps(request), user, entry_id, form.get("body"),
                                  form.get("parent_id") or None)
    return await answer(request, entry_id, comment)


async def posted(request: Request) -> tuple[Comment, dict[str, str]]:
    """The comment a form acts on, and what the form sent."""
    found = await comments.comment_in_view(current_user(request), request.path_params["comment"])
    return found, await form_data(request)


@form_action(thread_form())
async def edit(request: Request) -> Response:
    user = require_user(request)
    found, form = await posted(request)
    comment = await comments.edit(deps(request), user, found.id, form.get("body"))
    return await answer(request, found.entry_id, comment)


@form_action(thread_form())
async def remove(request: Request) -> Response:
    user = require_user(request)
    comment = await comments.remove(user, request.path_params["comment"])
    return await answer(request, comment.entry_id, comment)


async def _reactions_form(request: Request, sent: dict[str, str]) -> Form:
    """htmx: the comment's reaction bar, the reason next to it; a plain form: the entry's
    page, the reason at the comment."""
    if not wants_fragment(request):
        return await thread_form("react")(request, sent)
    comment, _ = await posted(request)
    mine = await reactions.mine_by_comment(current_user(request), [comment.id])
    return Form("partials/_reactions.html", {
        "comment": comment, "mine": mine.get(comment.id, set()),
        "reaction_kinds": reactions.KINDS}, message_key="reaction_message")


@form_action(_reactions_form)
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
    Route("/e/{entry:id}/comments", thread_fragment, methods=["GET"]),
    Route("/e/{entry:id}/comments", post, methods=["POST"]),
    Route("/comments/{comment:id}/edit", edit, methods=["POST"]),
    Route("/comments/{comment:id}/remove", remove, methods=["POST"]),
    Route("/comments/{comment:id}/react", react, methods=["POST"]),
]
