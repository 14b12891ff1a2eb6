"""Markdown to safe HTML: markdown-it renders, nh3 sanitizes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
_IMAGE_ATTRIBUTES = {"src", "alt", "width", "height", "loading", "decoding"}


def render_markdown(text: str) -> str:
    html = _md.render(text)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
    )


@dataclass(frozen=True)
class AllowedImage:
    """An image the text may place: our own stored, checked picture."""

    url: str
    width: int
    height: int


@dataclass
class RenderedStory:
    html: str
    placed: set[str] = field(default_factory=set)  # the image ids the text placed


def _render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any,
                  env: dict[str, Any]) -> str:
    """markdown-it's image renderer, narrowed: only ids of env["images"] become an <img>;
    any other source (remote, data:, javascript:, an unknown id) leaves just its alt text."""
    token = tokens[idx]
    alt = "".join(child.content for child in token.children or [])
    source = str(token.attrGet("src") or "")
    found = env["images"].get(source)
    if found is None:
        return escape(alt)
    env["placed"].add(source)
    return (f'<img src="{escape(found.url)}" alt="{escape(alt)}" width="{found.width}" '
            f'height="{found.height}" loading="lazy" decoding="async">')


_story_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_story_md.add_render_rule("image", _render_image)


def render_campaign_markdown(text: str, images: Mapping[str, AllowedImage]) -> RenderedStory:
    """A campaign's story with its pictures: `![alt](image:N)` becomes an <img> when
    `image:N` is a key of `images`. The sanitizer lets <img> through only with one of
    those URLs, so nothing else (remote images, data:, javascript:) ever shows."""
    env: dict[str, Any] = {"images": images, "placed": set()}
    allowed_urls = {image.url for image in images.values()}

    def keep(element: str, attribute: str, value: str) -> str | None:
        if element == "img" and attribute == "src" and value not in allowed_urls:
            return None
        return value

    html = nh3.clean(
        _story_md.render(text, env),
        tags=_ALLOWED_TAGS | {"img"},
        attributes={"a": {"href", "title"}, "img": _IMAGE_ATTRIBUTES},
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener ugc",
    )
    return RenderedStory(html=html, placed=env["placed"])
