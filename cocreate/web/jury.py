"""Jury pages: the managers' jury screen (criteria, judges, progress, the ranking so far) and
a judge's scoring page, one form per entry that htmx saves in place."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import require_user, wants_fragment
from cocreate.lib.errors import NotFound
from cocreate.services.campaigns import phases
from cocreate.services.judging import jury, jury_views
from cocreate.web.common import after_post, form_data, page, redirect
from cocreate.web.forms import Form, form_action

SCORE_CHOICES = [str(n) for n in jury.SCORES]
WEIGHT_CHOICES = [str(n) for n in jury.WEIGHTS]


def _jury_path(slug: str) -> str:
    return f"/c/{slug}/jury"


def _judge_path(slug: str) -> str:
    return f"/c/{slug}/judge"


def _number(value: str | None) -> int | str | None:
    """A whole number, or what was typed (the service says what is wrong with it)."""
    text = (value or "").strip()
    try:
        return int(text)
    except ValueError:
        return text or None


# The managers' screen ----------------------------------------------------------------------

async def _manage_context(request: Request, slug: str, **extra: Any) -> dict[str, Any]:
    overview = await jury_views.overview(require_user(request), slug)
    campaign = overview.campaign
    return {
        "campaign": campaign, "org": campaign.org, "overview": overview,
        "weights": WEIGHT_CHOICES, "max_criteria": jury.MAX_CRITERIA,
        "results_out": phases.shows_results(campaign), "criteria_form": None, "judge_form": {},
        **extra,
    }


async def manage_page(request: Request) -> Response:
    context = await _manage_context(request, request.path_params["campaign"])
    return page(request, "pages/judging/jury_manage.html", context)


def _criteria_from_form(submitted: dict[str, str]) -> tuple[list[jury.CriterionIn], list[int]]:
    """The filled rows of the criteria form, and the row number of each."""
    wanted, rows = [], []
    for row in range(1, jury.MAX_CRITERIA + 1):
        name = submitted.get(f"criterion_{row}_name", "")
        description = submitted.get(f"criterion_{row}_description", "")
        if name.strip() or description.strip():
            weight = _number(submitted.get(f"criterion_{row}_weight"))
            wanted.append(jury.CriterionIn(name, weight if isinstance(weight, int) else None,
                                           description))
            rows.append(row)
    return wanted, rows


def _row_fields(messages: dict[str, str], sent: dict[str, str]) -> dict[str, str]:
    """criteria.0.name (the service's numbering) → criterion_<row>_name (the form's); a
    message about the criteria as a whole stays under `criteria`."""
    _, rows = _criteria_from_form(sent)
    named = {}
    for key, text in messages.items():
        if key.startswith("criteria."):
            _, index, part = key.split(".")
            key = f"criterion_{rows[int(index)]}_{part}"
        named[key] = text
    return named


async def _criteria_form(request: Request, sent: dict[str, str]) -> Form:
    context = await _manage_context(request, request.path_params["campaign"], criteria_form=sent)
    return Form("pages/judging/jury_manage.html", context, "criteria")


async def _judges_form(request: Request, sent: dict[str, str]) -> Form:
    context = await _manage_context(request, request.path_params["campaign"], judge_form=sent)
    return Form("pages/judging/jury_manage.html", context, "judges")


@form_action(_criteria_form, fields=_row_fields)
async def save_criteria(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    wanted, _ = _criteria_from_form(await form_data(request))
    await jury.set_criteria(user, slug, wanted)
    return after_post(request, _jury_path(slug) + "#criteria")


@form_action(_judges_form)
async def judges_action(request: Request) -> Response:
    """Name a judge by handle, or take one off the jury."""
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    if submitted.get("remove"):
        await jury.remove_judge(user, slug, submitted["remove"])
    else:
        await jury.add_judge(user, slug, submitted.get("handle"))
    return after_post(request, _jury_path(slug) + "#judges")


# A judge's scoring page --------------------------------------------------------------------

async def _judge_context(request: Request, slug: str, **extra: Any) -> dict[str, Any]:
    queue = await jury_views.judge_queue(require_user(request), slug)
    return {"campaign": queue.campaign, "org": queue.campaign.org, "queue": queue,
            "score_choices": SCORE_CHOICES, "failed_id": None, "saved_id": None,
            "values": {}, **extra}


async def judge_page(request: Request) -> Response:
    saved = request.query_params.get("saved")
    context = await _judge_context(request, request.path_params["campaign"], saved_id=saved)
    return page(request, "pages/judging/jury_judge.html", context)


def _entry_fragment(context: dict[str, Any], entry_id: str) -> Form:
    """One entry's scoring form (and, out of band, the progress), for htmx to swap."""
    item = next((i for i in context["queue"].items if i.entry.id == entry_id), None)
    if item is None:
        raise NotFound("This entry is not in your scoring queue.")
    return Form("partials/_jury_entry.html", {**context, "item": item, "oob": True})


async def _score_form(request: Request, sent: dict[str, str]) -> Form:
    entry_id = request.path_params["entry"]
    context = await _judge_context(request, request.path_params["campaign"],
                                   failed_id=entry_id, values=sent)
    if wants_fragment(request):
        return _entry_fragment(context, entry_id)
    return Form("pages/judging/jury_judge.html", context)


def _score_fields(messages: dict[str, str], sent: dict[str, str]) -> dict[str, str]:
    """scores.<criterion> (the service's) → score_<criterion> (the form's)."""
    return {("score_" + key.removeprefix("scores.") if key.startswith("scores.") else key): text
            for key, text in messages.items()}


@form_action(_score_form, fields=_score_fields)
async def score(request: Request) -> Response:
    user = require_user(request)
    slug, entry_id = request.path_params["campaign"], request.path_params["entry"]
    submitted = await form_data(request)
    given = {key.removeprefix("score_"): _number(value)
             for key, value in submitted.items() if key.startswith("score_")}
    await jury.score_entry(user, entry_id, given)
    if wants_fragment(request):
        saved = _entry_fragment(await _judge_context(request, slug, saved_id=entry_id),
                                entry_id)
        return page(request, saved.template, saved.context)
    return redirect(f"{_judge_path(slug)}?saved={entry_id}#entry-{entry_id}")


ROUTES = [
    Route("/c/{campaign:campaign_slug}/jury", manage_page, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/jury/criteria", save_criteria, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/jury/judges", judges_action, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/judge", judge_page, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/judge/{entry:id}", score, methods=["POST"]),
]
