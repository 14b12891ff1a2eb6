"""Jinja2 with autoescape everywhere; pages and their htmx fragments from one template."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import jinja2
from jinja2_fragments.starlette import Jinja2Blocks
from starlette.requests import Request
from starlette.responses import Response

from cocreate import filters, models
from cocreate.http import current_user
from cocreate.settings import Settings

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


def create_templates(settings: Settings) -> Jinja2Blocks:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["settings"] = settings
    env.globals["absolute_url"] = settings.absolute_url
    env.globals.update(_state_enums())
    filters.register(env)
    return Jinja2Blocks(env=env)


def _state_enums() -> dict[str, type[StrEnum]]:
    """The models' states and kinds by name, so templates say EntryStatus.PUBLISHED."""
    found = (getattr(models, name) for name in models.__all__)
    return {e.__name__: e for e in found if isinstance(e, type) and issubclass(e, StrEnum)}


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *,
    status_code: int = 200, block: str | None = None, headers: dict[str, str] | None = None,
) -> Response:
    """Render a page, or only one of its blocks (the htmx partial) when `block` is given."""
    templates: Jinja2Blocks = request.app.state.templates
    full_context = {
        "current_user": current_user(request),
        "csrf_token": getattr(request.state, "csrf_token", ""),
        **(context or {}),
    }
    kwargs: dict[str, Any] = {"block_name": block} if block else {}
    return templates.TemplateResponse(
        request, name, full_context, status_code=status_code, headers=headers, **kwargs
    )


def render_fragment(request: Request, name: str, context: dict[str, Any]) -> str:
    """A partial as a string, e.g. for a live update pushed over Server-Sent Events."""
    templates: Jinja2Blocks = request.app.state.templates
    return templates.env.get_template(name).render(context)
