"""Entries: submitting an idea, its page and the forms of its panels, and voting for it.

The page and each panel's answer render from the entry's read model (read_models/entry.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cocreate.http import (
    REFERRAL_COOKIE,
    client_ip,
    current_user,
    deps,
    require_user,
    wants_fragment,
)
from cocreate.lib import urls
from cocreate.read_models import entry as entry_model
from cocreate.services.conversation import idea_status
from cocreate.services.core.validation import read
from cocreate.services.entries import entry_input
from cocreate.services.entries.entry_input import EntryInput
from cocreate.services.moderation import moderation
from cocreate.services.recognition import acknowledgements
from cocreate.services.tags import tags
from cocreate.services.voting import voting
from cocreate.web import follows as follows_web
from cocreate.web.campaigns import campaign_context
from cocreate.web.common import (
    after_post,
    form_data,
    form_list,
    local_referer,
    login_first,
    page,
    redirect,
    share_links,
)
from cocreate.web.conversation import thread_vars
from cocreate.web.forms import Form, FormView, form_action

if TYPE_CHECKING:
    from cocreate.models import Entry


async def _entry_form(request: Request, sent: dict[str, str]) -> Form:
    """The campaign page's entry form as sent (htmx swaps only the form, without the gallery)."""
    slug = request.path_params["campaign"]
    context = await campaign_context(request, slug, gallery=not wants_fragment(request),
                                     form=sent)
    context["chosen_tags"] = await form_list(request, "tags")
    return Form("pages/campaigns/campaign.html", context, "entry_form")


@form_action(_entry_form)
async def submit(request: Request) -> Response:
    slug = request.path_params["campaign"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.campaign_path(slug))
    submitted = await form_data(request)
    wanted = read(EntryInput, {
        "title": submitted.get("title", ""), "body": submitted.get("body", ""),
        "media_id": submitted.get("media_id") or None,
        "accept_rules": submitted.get("accept_rules") == "1",
        "birth_date": submitted.get("birth_date") or None,
        "country": submitted.get("country") or None,
        **{name: await form_list(request, name) for name in ("kit_assets", "remix_of", "tags")},
        "suggest_tag": submitted.get("suggest_tag"),
    })
    entry = await entry_input.submit(deps(request), user, slug, wanted)
    return after_post(request, urls.entry_path(entry.id))


# The page, built from its read model (read_models/entry.py) --------------------------------

def _entry_vars(entry: Entry) -> dict[str, Any]:
    return {"entry": entry, "campaign": entry.campaign, "org": entry.campaign.org}


def _tags_vars(panel: entry_model.TagsPanel) -> dict[str, Any]:
    return {"entry_tags": panel.tags, "can_tag": panel.can_tag, "tag_choices": panel.choices,
            "chosen_tags": [tag.slug for tag in panel.tags], "tags_form": {}}


def _status_vars(panel: entry_model.StatusPanel) -> dict[str, Any]:
    return {"statuses": panel.choices, "status_note_html": panel.note_html,
            "can_set_status": panel.can_set, "status_form": {}}


def _thanks_vars(panel: entry_model.ThanksPanel) -> dict[str, Any]:
    return {"thanks": panel.thanks, "can_thank": panel.can_thank,
            "thank_options": [(person.handle, person.display_name) for person in panel.team],
            "thank_form": {"note": panel.note}, "reply_choices": panel.replies,
            "picked_reply": panel.picked_reply, "reply_message": panel.reply_message}


def _vote_vars(panel: entry_model.VotePanel) -> dict[str, Any]:
    return {"entry": panel.entry, "count": panel.count, "voted": panel.voted, "own": panel.own}


def _share_vars(share: entry_model.Share | None) -> dict[str, Any]:
    if share is None:
        return {"share": None, "share_image": None}
    return {"share": {"url": share.url, "links": share_links(share.url, share.text)},
            "share_image": share.image_url}


async def _page_context(request: Request, seen: entry_model.Viewing) -> dict[str, Any]:
    asked = request.query_params
    view = await entry_model.entry_view(seen, deps(request).settings,
                                        merge_q=asked.get("merge_q"), merged=asked.get("merged"),
                                        reply=asked.get("reply"))
    entry, may = view.entry, view.may
    return {
        **_entry_vars(entry), **_share_vars(view.share), "award": view.award,
        "is_author": view.is_author, "is_winner": view.is_winner, "voted": view.vote.voted,
        "own": view.vote.own,
        "can_edit": may.edit, "can_moderate": may.moderate, "can_report": may.report,
        "report_reasons": moderation.REASONS, "report_form": {},
        "reported": asked.get("reported") == "1", "moderation_form": {},
        "co_authors": view.credits.team, "sources": view.credits.sources,
        "remixed_by": view.credits.remixed_by, "credited": view.summary.credited,
        "jury": view.jury, **_tags_vars(view.tags), **_status_vars(view.status),
        **_thanks_vars(view.thanks),
        "follow": follows_web.entry_button(entry, view.follow) if view.follow else None,
        "merged_from": view.merged_from, "merge_q": view.merge.query, "merge_form": {},
        "merge_candidates": view.merge.candidates,
        **(thread_vars(view.conversation) if view.conversation else {}),
    }


async def entry_context(request: Request, entry_id: str, **extra: Any) -> dict[str, Any]:
    """The whole page's context; `extra` (e.g. a failed form's values) goes over it."""
    seen = await entry_model.viewing(current_user(request), entry_id)
    return {**await _page_context(request, seen), **extra}


async def entry_page(request: Request) -> Response:
    seen = await entry_model.viewing(current_user(request), request.path_params["entry"])
    kept = await entry_model.kept_idea(seen)
    if kept:  # a merged duplicate: its votes and comments are on the idea kept
        return RedirectResponse(urls.kept_entry_path(kept, seen.entry.id), status_code=301)
    return page(request, "pages/entries/entry.html", await _page_context(request, seen))


def _vote_partial(sent: dict[str, str]) -> str:
    """The vote toggle, or a suggestion of "Already suggested?" under the entry form."""
    return ("partials/_similar_idea.html" if sent.get("from") == "similar"
            else "partials/_vote_button.html")


async def _vote_form(request: Request, sent: dict[str, str]) -> Form:
    """htmx: the button where it was, with the reason next to it; a plain form: the entry's
    page, the reason at its button."""
    entry_id = request.path_params["entry"]
    seen = await entry_model.viewing(current_user(request), entry_id)
    if wants_fragment(request):
        panel = await entry_model.vote_panel(seen)
        return Form(_vote_partial(sent), _vote_vars(panel), message_key="vote_message")
    return Form("pages/entries/entry.html", await _page_context(request, seen),
                message_key="vote_message")


@form_action(_vote_form)
async def vote(request: Request) -> Response:
    entry_id = request.path_params["entry"]
    back = urls.entry_path(entry_id)
    user = current_user(request)
    if user is None:
        return login_first(request, local_referer(request, back))
    submitted = await form_data(request)
    withdraw = submitted.get("action") == "unvote"
    if withdraw:
        await voting.withdraw(deps(request), user, entry_id, client_ip(request))
    else:
        await voting.cast(deps(request), user, entry_id, client_ip(request),
                          request.cookies.get(REFERRAL_COOKIE))
    if not wants_fragment(request):
        return redirect(local_referer(request, back))
    panel = await entry_model.vote_panel(await entry_model.viewing(user, entry_id),
                                         voted=not withdraw)
    budget = panel.entry.campaign.vote_budget
    return page(request, _vote_partial(submitted), {
        **_vote_vars(panel), "vote_message": f"{panel.votes_left} of {budget} votes left"
        if panel.votes_left is not None else None})


# The panels' forms: each answer computes only its own panel ---------------------------------

@dataclass(frozen=True)
class _Panel:
    block: str  # in pages/entries/entry.html
    anchor: str  # where a plain form goes back to
    part: Callable[[entry_model.Viewing], Awaitable[dict[str, Any]]]

    async def context(self, request: Request, entry_id: str) -> dict[str, Any]:
        seen = await entry_model.viewing(current_user(request), entry_id)
        return {**_entry_vars(seen.entry), **await self.part(seen)}


async def _tags_part(seen: entry_model.Viewing) -> dict[str, Any]:
    return _tags_vars(await entry_model.tags_panel(seen))


async def _status_part(seen: entry_model.Viewing) -> dict[str, Any]:
    return _status_vars(await entry_model.status_panel(seen))


async def _thanks_part(seen: entry_model.Viewing) -> dict[str, Any]:
    return _thanks_vars(await entry_model.thanks_panel(seen))


TAGS = _Panel("tags_panel", "#entry-tags", _tags_part)
STATUS = _Panel("status_panel", "#idea-status", _status_part)
THANKS = _Panel("thanks_panel", "#thanks", _thanks_part)


Kept = Callable[[Request, dict[str, str]], Awaitable[dict[str, Any]]]


def _panel_form(panel: _Panel, kept: Kept) -> FormView:
    """A panel's form as sent: htmx gets the panel, a plain form the page (`kept`: the context
    keys that keep what was typed)."""
    async def view(request: Request, sent: dict[str, str]) -> Form:
        entry_id = request.path_params["entry"]
        context = (await panel.context(request, entry_id) if wants_fragment(request)
                   else await entry_context(request, entry_id))
        return Form("pages/entries/entry.html",
                    {**context, **await kept(request, sent)}, panel.block)

    return view


async def _panel_changed(request: Request, entry_id: str, panel: _Panel) -> Response:
    """htmx gets the panel again, a plain form goes back to it."""
    if wants_fragment(request):
        return page(request, "pages/entries/entry.html", await panel.context(request, entry_id),
                    block=panel.block)
    return redirect(urls.entry_path(entry_id) + panel.anchor)


async def _thank_form(request: Request, sent: dict[str, str]) -> dict[str, Any]:
    return {"thank_form": sent}


async def _status_form(request: Request, sent: dict[str, str]) -> dict[str, Any]:
    return {"status_form": sent}


@form_action(_panel_form(THANKS, _thank_form))
async def acknowledge(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    await acknowledgements.acknowledge(user, entry_id, submitted.get("note"),
                                       submitted.get("handle"))
    return await _panel_changed(request, entry_id, THANKS)


async def _tags_form(request: Request, sent: dict[str, str]) -> dict[str, Any]:
    return {"tags_form": sent, "chosen_tags": await form_list(request, "tags")}


@form_action(_panel_form(TAGS, _tags_form))
async def set_tags(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    await tags.set_entry_tags(deps(request), user, entry_id, await form_list(request, "tags"),
                              submitted.get("suggest_tag"))
    return await _panel_changed(request, entry_id, TAGS)


@form_action(_panel_form(STATUS, _status_form))
async def set_status(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    await idea_status.set_status(user, entry_id, submitted.get("status"), submitted.get("note"))
    return await _panel_changed(request, entry_id, STATUS)


ROUTES = [
    Route("/c/{campaign:campaign_slug}/entries", submit, methods=["POST"]),
    Route("/e/{entry:id}", entry_page, methods=["GET"]),
    Route("/e/{entry:id}/vote", vote, methods=["POST"]),
    Route("/e/{entry:id}/thanks", acknowledge, methods=["POST"]),
    Route("/e/{entry:id}/status", set_status, methods=["POST"]),
    Route("/e/{entry:id}/tags", set_tags, methods=["POST"]),
]
