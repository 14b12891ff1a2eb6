"""What every page handler shares: reading forms, rendering pages and their htmx fragments,
and redirecting safely (a refused form comes back through web/forms.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from cocreate.doors.storage import Storage
from cocreate.http import deps, wants_fragment
from cocreate.lib import urls
from cocreate.services.core.validation import refuse_control_characters
from cocreate.services.media.media import still_key
from cocreate.templating import render

if TYPE_CHECKING:
    from cocreate.models import Award, Media

SHARE_IMAGE_SECONDS = 7 * 24 * 3600  # the longest a presigned S3 GET may live


class MediaUrls:
    """Image addresses for templates, which never see the storage backend itself."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    def __call__(self, media: Media | None, thumbnail: bool = False,
                 expires: int = 3600) -> str | None:
        """The picture: an image itself, or a video's poster frame (None for sound)."""
        still = still_key(media)
        if media is None or still is None:
            return None
        key = (media.thumbnail_key or still) if thumbnail else still
        return self.storage.url(key, expires=expires)

    def file(self, media: Media | None) -> str | None:
        """The uploaded file itself, e.g. a video or a sound to play."""
        if media is None or media.status != "ready" or not media.key:
            return None
        return self.storage.url(media.key)

    def card(self, award: Award) -> str | None:
        if award.status != "ready" or not award.image_key:
            return None
        return self.storage.url(award.image_key)


async def submitted_text(request: Request) -> dict[str, str]:
    """The submitted text fields as they came (files are never posted to pages; they go to
    storage)."""
    submitted = await request.form(max_files=0, max_fields=50)
    return {key: value for key, value in submitted.items() if isinstance(value, str)}


async def form_data(request: Request) -> dict[str, str]:
    """The submitted text fields; Invalid (422, naming the fields) when any holds a control
    character such as NUL, whatever the form: the text policy's first check, before any
    service or lookup sees the value."""
    submitted = await request.form(max_files=0, max_fields=50)
    text = [(key, value) for key, value in submitted.multi_items() if isinstance(value, str)]
    refuse_control_characters(text)
    return dict(text)


async def form_list(request: Request, name: str) -> list[str]:
    """Every value of a repeated field (checkboxes), from the form already read."""
    values = [value for value in (await request.form(max_files=0, max_fields=50)).getlist(name)
              if isinstance(value, str) and value]
    refuse_control_characters((name, value) for value in values)
    return values


def page(
    request: Request, name: str, context: dict[str, Any] | None = None, *,
    status_code: int = 200, block: str | None = None, headers: dict[str, str] | None = None,
) -> Response:
    """Render a page (or one block of it) with what every page template may use."""
    full = {"media_url": MediaUrls(deps(request).storage), "page_path": request.url.path,
            **(context or {})}
    return render(request, name, full, status_code=status_code, block=block, headers=headers)


def fragment_or_page(request: Request, name: str, context: dict[str, Any], block: str,
                     status_code: int = 200) -> Response:
    """htmx gets the block it swaps, a plain request the whole page; one template for both."""
    return page(request, name, context, status_code=status_code,
                block=block if wants_fragment(request) else None)


def local_path(value: str | None, default: str = "/") -> str:
    """`value` when it is a path on this site (never another host), else `default`."""
    if not value:
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith(("//", "/\\")):
        return default
    return value


def local_referer(request: Request, default: str) -> str:
    """The page the request came from, when it is one of ours."""
    referer = request.headers.get("referer", "")
    parts = urlsplit(referer)
    if not referer or parts.netloc != request.url.netloc:
        return default
    return local_path(parts.path + (f"?{parts.query}" if parts.query else ""), default)


def redirect(url: str) -> Response:
    """POST → 303 → GET; htmx gets HX-Redirect, since it would otherwise swap the next page."""
    return RedirectResponse(url, status_code=303)


def after_post(request: Request, url: str) -> Response:
    if wants_fragment(request):
        return Response(status_code=200, headers={"HX-Redirect": url})
    return redirect(url)


def login_first(request: Request, back: str) -> Response:
    """Send someone who is not signed in to the login page, then back to `back`."""
    return after_post(request, f"/login?next={quote(local_path(back), safe='/')}")


def share_card_url(request: Request, award: Award | None) -> str | None:
    """The absolute, stable address of an award's card image (for og:image)."""
    if award is None:
        return None
    return deps(request).settings.absolute_url(urls.award_card_path(award.id))


def share_links(page_url: str, text: str) -> list[tuple[str, str]]:
    """Plain intent links: they work without any third-party script on our pages."""
    return [
        ("X", "https://twitter.com/intent/tweet?" + urlencode({"url": page_url, "text": text})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": page_url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?"
         + urlencode({"url": page_url})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": f"{text} {page_url}"})),
    ]
