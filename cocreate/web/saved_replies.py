"""Saved replies on pages: the managers' list (add, delete), and starting a thank-you note
from one, in the inbox and on the entry page. Without JavaScript a GET form reloads the page
with `?reply=`; with htmx only the note's textarea is swapped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import require_user, wants_fragment
from cocreate.lib import urls
from cocreate.lib.errors import Forbidden, Invalid, NotFound
from cocreate.services.orgs import orgs
from cocreate.services.recognition import ack_inbox, acknowledgements, saved_replies
from cocreate.web.common import after_post, form_data, fragment_or_page, page, redirect
from cocreate.web.forms import Form, form_action

if TYPE_CHECKING:
    from cocreate.models import User


async def _replies_context(user: User, slug: str, **extra: Any) -> dict[str, Any]:
    return {"org": await orgs.get_org(slug), "replies": await saved_replies.of_org(user, slug),
            "limit": saved_replies.MAX_PER_ORG, "form": {}, **extra}


async def replies_page(request: Request) -> Response:
    user = require_user(request)
    context = await _replies_context(user, request.path_params["org"])
    return fragment_or_page(request, "pages/recognition/saved_replies.html", context, "replies")


async def _replies_form(request: Request, sent: dict[str, str]) -> Form:
    context = await _replies_context(require_user(request), request.path_params["org"],
                                     form=sent)
    return Form("pages/recognition/saved_replies.html", context, "replies")


@form_action(_replies_form)
async def create(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    await saved_replies.create(user, slug, submitted.get("title"), submitted.get("body"))
    if wants_fragment(request):
        return page(request, "pages/recognition/saved_replies.html",
                    await _replies_context(user, slug, saved=True), block="replies")
    return after_post(request, f"/o/{slug}/replies")


@form_action(_replies_form)
async def delete(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    await saved_replies.delete(user, slug, request.path_params["reply"])
    if wants_fragment(request):
        return page(request, "pages/recognition/saved_replies.html",
                    await _replies_context(user, slug),
                    block="replies")
    return after_post(request, f"/o/{slug}/replies")


async def inbox_note(request: Request) -> Response:
    """The inbox item's note, started from the chosen saved reply (the htmx swap)."""
    user = require_user(request)
    slug, entry_id = request.path_params["org"], request.path_params["entry"]
    reply = request.query_params.get("reply") or None
    if not wants_fragment(request):
        query = urlencode({**dict(request.query_params), "entry": entry_id})
        return redirect(f"/o/{slug}/inbox?{query}#inbox-{entry_id}")
    entry = await ack_inbox.item(user, slug, entry_id)  # theirs to see, or the 403/404 page
    try:
        note = await saved_replies.note_for(user, entry_id, reply, org_slug=slug)
    except (Invalid, NotFound) as error:
        return page(request, "partials/_inbox_note.html", {
            "entry": entry, "draft": acknowledgements.draft,
            "note": request.query_params.get("note", ""), "errors": {"note": error.message}},
            status_code=422)
    return page(request, "partials/_inbox_note.html", {
        "entry": entry, "note": note,
        "draft": acknowledgements.draft, "errors": {}})


async def thanks_note(request: Request) -> Response:
    """The entry page's note, started from the chosen saved reply (the htmx swap)."""
    user = require_user(request)
    entry_id = request.path_params["entry"]
    reply = request.query_params.get("reply") or None
    if not wants_fragment(request):
        query = urlencode({"reply": reply} if reply else {})
        return redirect(urls.entry_path(entry_id) + (f"?{query}" if query else "") + "#thanks")
    try:
        note = await saved_replies.note_for(user, entry_id, reply,
                                            request.query_params.get("handle"))
    except (Invalid, NotFound) as error:
        return page(request, "pages/entries/entry.html", {
            "thank_form": {"note": request.query_params.get("note", "")},
            "errors": {"note": error.message}}, block="thanks_note", status_code=422)
    return page(request, "pages/entries/entry.html", {"thank_form": {"note": note}, "errors": {}},
                block="thanks_note")


async def inbox_picks(user: User, org_slug: str, reply: str | None,
                      entry_id: str | None) -> dict[str, Any]:
    """For the inbox page: the saved replies to choose from and, for `?reply=&entry=`, that
    entry's note filled in (or why it could not be)."""
    picked: dict[str, dict[str, str]] = {}
    if reply and entry_id:
        try:
            picked[entry_id] = {"reply": reply, "note": await saved_replies.note_for(
                user, entry_id, reply, org_slug=org_slug)}
        except (Invalid, NotFound) as error:
            picked[entry_id] = {"reply": reply, "message": error.message}
    return {"reply_choices": await _choices(user, org_slug), "picked": picked}


async def _choices(user: User, org_slug: str) -> list[tuple[str, str]]:
    """The saved replies to pick from; none for someone who may not use them."""
    try:
        found = await saved_replies.of_org(user, org_slug)
    except Forbidden:
        return []
    return [(reply.id, reply.title) for reply in found]


ROUTES = [
    Route("/o/{org:org_slug}/replies", replies_page, methods=["GET"]),
    Route("/o/{org:org_slug}/replies", create, methods=["POST"]),
    Route("/o/{org:org_slug}/replies/{reply:id}/delete", delete, methods=["POST"]),
    Route("/o/{org:org_slug}/inbox/{entry:id}/note", inbox_note, methods=["GET"]),
    Route("/e/{entry:id}/thanks/note", thanks_note, methods=["GET"]),
]
