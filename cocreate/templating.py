"""Jinja2 with autoescape everywhere; pages and their htmx fragments from one template; the
stylesheets every page links, as one file."""

from __future__ import annotations

import hashlib
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
CSS_DIR = Path(__file__).resolve().parent.parent / "static" / "css"

# Every file in static/css/, in cascade order: at equal specificity a later file wins. The
# foundation first, then one file per product area, then preferences.css (reduced motion,
# print), which overrides them all. One exception keeps pages as they are: fundraising.css
# comes before tables.css, whose .stats margin has always won over .fundraiser-stats's.
STYLESHEETS = (
    "tokens.css", "base.css", "layout.css", "buttons.css", "forms.css", "cards.css",
    "pills.css", "people.css", "banners.css", "fundraising.css", "tables.css",
    "navigation.css", "empty-states.css", "utilities.css",
    "voting.css", "recognition.css", "sharing.css", "media.css", "orgs.css", "campaigns.css",
    "conversation.css", "accounts.css", "reach.css", "home.css", "entries.css", "judging.css",
    "moderation.css", "notifications.css", "embeds.css", "tags.css", "listening.css",
    "directory.css", "preferences.css",
)


class Stylesheet:
    """The STYLESHEETS joined in order, built at start-up and served as one file, so a page
    costs one request for its styles rather than one per file. Its URL carries a hash of its
    content: browsers keep it until it changes. With `watch` (development), a file edited
    since is picked up by the next page, without a restart."""

    PATH = "/static/css/app.css"  # routed before /static, where no such file exists

    def __init__(self, directory: Path = CSS_DIR, *, watch: bool = False) -> None:
        self.files = [directory / name for name in STYLESHEETS]
        self.watch = watch
        self._build()

    def _modified(self) -> tuple[int, ...]:
        return tuple(path.stat().st_mtime_ns for path in self.files)

    def _build(self) -> None:
        self.built_from = self._modified()
        self.body = b"".join(
            b"/* %s */\n%s\n" % (path.name.encode(), path.read_bytes()) for path in self.files
        )
        self.version = hashlib.sha256(self.body).hexdigest()[:16]

    def _refresh(self) -> None:
        if self.watch and self._modified() != self.built_from:
            self._build()

    def url(self) -> str:
        """Where pages link it."""
        self._refresh()
        return f"{self.PATH}?v={self.version}"

    async def endpoint(self, request: Request) -> Response:
        self._refresh()
        etag = f'"{self.version}"'
        current = request.query_params.get("v") == self.version
        # A page links one version, whose content never changes; any other address revalidates.
        headers = {"ETag": etag,
                   "Cache-Control": "public, max-age=31536000, immutable" if current
                   else "no-cache"}
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(self.body, media_type="text/css", headers=headers)


def create_templates(settings: Settings, stylesheet: Stylesheet | None = None) -> Jinja2Blocks:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["settings"] = settings
    env.globals["absolute_url"] = settings.absolute_url
    env.globals["stylesheet_url"] = (stylesheet or Stylesheet()).url
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
