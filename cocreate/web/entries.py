"""Entries: submitting an idea, its page, and voting for it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

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
from cocreate.lib.errors import Conflict, DomainError, Forbidden, Invalid, RateLimited
from cocreate.models import Entry, User
from cocreate.services.badges import badges
from cocreate.services.campaigns import campaigns as campaigns_service
from cocreate.services.conversation import follows, idea_status
from cocreate.services.entries import entries, entry_edits, teams
from cocreate.services.influence import referrals
from cocreate.services.judging import jury_views, prizes
from cocreate.services.lineage import lineage
from cocreate.services.moderation import merging, moderation
from cocreate.services.orgs import orgs
from cocreate.services.recognition import acknowledgements
from cocreate.services.tags import tags
from cocreate.services.voting import voting
from cocreate.web import comments as comments_web
from cocreate.web import follows as follows_web
from cocreate.web import tags as tags_web
from cocreate.web.campaign_forms import birth_date_from_form
from cocreate.web.campaigns import campaign_context
from cocreate.web.common import (
    after_post,
    form_data,
    form_failed,
    form_list,
    local_referer,
    login_first,
    page,
    redirect,
    share_links,
)
from cocreate.web.saved_replies import thanks_picks
from cocreate.web.share_cards import entry_image_url


async def submit(request: Request) -> Response:
    slug = request.path_params["campaign"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.campaign_path(slug))
    submitted = await form_data(request)
    try:
        entry = await entries.submit(
            deps(request), user, slug, submitted.get("title"), submitted.get("body"),
            submitted.get("media_id") or None, accept_rules=submitted.get("accept_rules") == "1",
            birth_date=birth_date_from_form(submitted.get("birth_date")),
            country=submitted.get("country") or None,
            kit_asset_ids=await form_list(request, "kit_assets"),
            remix_of=await form_list(request, "remix_of"),
            tag_slugs=await form_list(request, "tags"),
            suggested_tag=submitted.get("suggest_tag"),
        )
    except (Invalid, RateLimited, Forbidden) as error:  # Forbidden: closed, or not eligible
        context = await campaign_context(request, slug, gallery=not wants_fragment(request),
                                         form=submitted)
        context["chosen_tags"] = await form_list(request, "tags")
        return form_failed(request, "pages/campaign.html", context, error, "entry_form")
    return after_post(request, urls.entry_path(entry.id))


async def _share(request: Request, viewer: User | None, entry: Entry) -> dict[str, Any]:
    """The entry's share links, carrying the sharer's referral code."""
    url = referrals.with_code(deps(request).settings.absolute_url(urls.entry_path(entry.id)),
                              await referrals.code_for(viewer) if viewer else None)
    mine = viewer is not None and viewer.id == entry.author_id
    text = (f"My entry “{entry.title}” in “{entry.campaign.title}”: vote for it!" if mine
            else f"“{entry.title}” in “{entry.campaign.title}” by {entry.campaign.org.name}")
    return {"url": url, "links": share_links(url, text)}


async def entry_context(request: Request, entry_id: str, **extra: Any) -> dict[str, Any]:
    user = current_user(request)
    entry = await entries.view_entry(user, entry_id)
    award = await badges.award_for_entry(entry.id) if entry.status == "published" else None
    context = {
        "share": await _share(request, user, entry) if entry.status == "published" else None,
        "entry": entry, "campaign": entry.campaign, "org": entry.campaign.org, "award": award,
        "voted": await voting.has_voted(user, entry.id),
        "is_author": user is not None and user.id == entry.author_id,
        "can_edit": await entry_edits.can_edit(user, entry),
        "can_moderate": await orgs.can_moderate(user, entry.campaign.org),
        "is_winner": entry.id in await prizes.winning_entry_ids(entry.campaign),
        "share_image": entry_image_url(request, entry), "report_reasons": moderation.REASONS,
        "report_form": {}, "reported": request.query_params.get("reported") == "1",
        "moderation_form": {},
        "co_authors": await teams.members(entry.team) if entry.team_id else [],
        "sources": await lineage.remixes_of(entry), "remixed_by": await lineage.remixed_by(entry),
        "jury": await jury_views.entry_jury(user, entry),
        "thanks": await acknowledgements.of_entry(entry),
        "statuses": idea_status.STATUSES, "status_form": {},
        "status_note_html": idea_status.note_html(entry),
        "can_thank": entry.status == "published"
        and await campaigns_service.can_manage(user, entry.campaign),
        "thank_form": {"note": acknowledgements.draft(entry.author)},
        **await tags_web.entry_context(user, entry),
        "credited": await merging.credited_authors(entry),
        "follow": follows_web.entry_button(entry, await follows.entry_state(user, entry)),
        "merged_from": await merging.merged_here(entry, request.query_params.get("merged")),
        "merge_q": request.query_params.get("merge_q", ""), "merge_form": {},
        "merge_candidates": await merging.candidates(user, entry,
                                                     request.query_params.get("merge_q")),
        **extra,
    }
    context["thank_options"] = [(p.handle, p.display_name) for p in context["co_authors"]]
    if context["can_thank"]:
        context.update(await thanks_picks(user, entry, request.query_params.get("reply"),
                                          keep_note="thank_form" in extra))
    if entry.status == "published":
        context.update(await comments_web.thread_parts(user, entry))
    return context


async def entry_page(request: Request) -> Response:
    entry = await entries.view_entry(current_user(request), request.path_params["entry"])
    kept = await merging.kept_entry_id(entry)
    if kept:  # a merged duplicate: its votes and comments are on the idea kept
        return RedirectResponse(urls.kept_entry_path(kept, entry.id), status_code=301)
    return page(request, "pages/entry.html", await entry_context(request, entry.id))


async def vote(request: Request) -> Response:
    entry_id = request.path_params["entry"]
    back = urls.entry_path(entry_id)
    user = current_user(request)
    if user is None:
        return login_first(request, local_referer(request, back))
    submitted = await form_data(request)
    withdraw = submitted.get("action") == "unvote"
    # The vote toggle, or a suggestion of "Already suggested?" under the entry form
    partial = ("partials/_similar_idea.html" if submitted.get("from") == "similar"
               else "partials/_vote_button.html")
    try:
        if withdraw:
            count = await voting.withdraw(deps(request), user, entry_id, client_ip(request))
        else:
            count = await voting.cast(deps(request), user, entry_id, client_ip(request),
                                      request.cookies.get(REFERRAL_COOKIE))
    except (Forbidden, RateLimited) as error:
        if not wants_fragment(request):
            raise
        # The button stays where it was, with the reason next to it.
        entry = await entries.get_entry(entry_id)
        return page(request, partial, {
            "entry": entry, "count": entry.vote_count,
            "voted": await voting.has_voted(user, entry_id), "vote_message": error.message,
        })
    if wants_fragment(request):
        entry = await entries.get_entry(entry_id)
        left = await voting.votes_left(user, entry.campaign)
        return page(request, partial, {
            "entry": entry, "count": count, "voted": not withdraw,
            "vote_message": f"{left} of {entry.campaign.vote_budget} votes left"
            if left is not None else None,
        })
    return redirect(local_referer(request, back))


async def _panel_change(request: Request, entry_id: str, block: str, anchor: str,
                        change: Callable[[], Awaitable[object]], form: dict[str, Any],
                        expected: tuple[type[DomainError], ...]) -> Response:
    """A form of one panel of the entry page: on success htmx gets the panel again and a
    plain form goes back to it; on an expected error the panel comes back with the form
    (`form`: the context keys that keep what was typed)."""
    try:
        await change()
    except expected as error:
        context = await entry_context(request, entry_id, **form)
        return form_failed(request, "pages/entry.html", context, error, block)
    if wants_fragment(request):
        return page(request, "pages/entry.html", await entry_context(request, entry_id),
                    block=block)
    return redirect(urls.entry_path(entry_id) + anchor)


async def acknowledge(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    return await _panel_change(
        request, entry_id, "thanks_panel", "#thanks",
        lambda: acknowledgements.acknowledge(user, entry_id, submitted.get("note"),
                                             submitted.get("handle")),
        {"thank_form": submitted}, (Invalid, Conflict))


async def set_tags(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    chosen = await form_list(request, "tags")
    return await _panel_change(
        request, entry_id, "tags_panel", "#entry-tags",
        lambda: tags.set_entry_tags(deps(request), user, entry_id, chosen,
                                    submitted.get("suggest_tag")),
        {"tags_form": submitted, "chosen_tags": chosen}, (Invalid, RateLimited))


async def set_status(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    return await _panel_change(
        request, entry_id, "status_panel", "#idea-status",
        lambda: idea_status.set_status(user, entry_id, submitted.get("status"),
                                       submitted.get("note")),
        {"status_form": submitted}, (Invalid,))


ROUTES = [
    Route("/c/{campaign}/entries", submit, methods=["POST"]),
    Route("/e/{entry}", entry_page, methods=["GET"]),
    Route("/e/{entry}/vote", vote, methods=["POST"]),
    Route("/e/{entry}/thanks", acknowledge, methods=["POST"]),
    Route("/e/{entry}/status", set_status, methods=["POST"]),
    Route("/e/{entry}/tags", set_tags, methods=["POST"]),
]
