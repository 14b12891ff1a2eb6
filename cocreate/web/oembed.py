"""oEmbed for other sites, and the embeddable views its iframes show."""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from cocreate.errors import api_error
from cocreate.http import deps
from cocreate.lib.errors import NotFound
from cocreate.middleware import content_security_policy
from cocreate.read_models import oembed
from cocreate.web.common import page


def _limit(request: Request, name: str) -> int | None:
    value = request.query_params.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else None


async def oembed_endpoint(request: Request) -> Response:
    """GET /oembed?url=<page>[&maxwidth=&maxheight=&format=json]: a `rich` oEmbed answer."""
    if request.query_params.get("format", "json") != "json":
        return api_error(501, "format_not_supported", "Only the JSON format is served.")
    settings = deps(request).settings
    try:
        embed = await oembed.describe(oembed.page_path(settings, request.query_params.get("url")))
    except NotFound as error:
        return api_error(404, "not_found", error.message)
    width, height = oembed.size(_limit(request, "maxwidth"), _limit(request, "maxheight"))
    src = settings.absolute_url(embed.embed_path)
    title = html.escape(embed.title, quote=True)
    body: dict[str, object] = {
        "version": "1.0", "type": "rich", "provider_name": "cocreate",
        "provider_url": settings.absolute_url("/"), "title": embed.title,
        "author_name": embed.author_name, "author_url": settings.absolute_url(embed.author_url),
        "width": width, "height": height, "cache_age": 3600,
        "html": (f'<iframe src="{src}" width="{width}" height="{height}" title="{title}" '
                 'style="border:0;max-width:100%" loading="lazy"></iframe>'),
    }
    if embed.thumbnail_path:
        body.update(thumbnail_url=settings.absolute_url(embed.thumbnail_path),
                    thumbnail_width=1200, thumbnail_height=630)
    return JSONResponse(body, headers={"Cache-Control": "public, max-age=3600",
                                       "Access-Control-Allow-Origin": "*"})


async def embed_view(request: Request) -> Response:
    """The card another site frames: the image, the title and a link back."""
    path = f"/{request.path_params['kind']}/{request.path_params['key']}"
    embed = await oembed.describe(path)
    csp = content_security_policy(deps(request).settings).replace(
        "frame-ancestors 'self'", "frame-ancestors *")
    return page(request, "pages/sharing/embed.html", {"embed": embed},
                headers={"Content-Security-Policy": csp,
                         "Cache-Control": "public, max-age=300"})


ROUTES = [
    Route("/oembed", oembed_endpoint, methods=["GET"]),
    Route("/embed/{kind:str}/{key:str}", embed_view, methods=["GET"]),
]
