"""Markdown to safe HTML: markdown-it renders, nh3 sanitizes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# @handle, not inside a word or an email address (handles: services/accounts).
MENTION = re.compile(r"(?<![\w@])@([a-z0-9][a-z0-9-]{0,39})", re.IGNORECASE)


def _link_mentions(state: StateCore) -> None:
    """Each @handle of env["mentions"] (handle → address) in plain text becomes a link; text
    in code and in links stays as written."""
    mentions = state.env.get("mentions") if isinstance(state.env, dict) else None
    if not mentions:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for token in block.children:
            in_link += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            if token.type == "text" and not in_link:
                children.extend(_split_mentions(token.content, mentions))
            else:
                children.append(token)
        block.children = children


def _split_mentions(text: str, mentions: Mapping[str, str]) -> Iterator[Token]:
    start = 0
    for match in MENTION.finditer(text):
        href = mentions.get(match.group(1).lower())
        if href is None:
            continue
        yield _text(text[start:match.start()])
        yield Token("link_open", "a", 1, attrs={"href": href})
        yield _text(match.group(0))
        yield Token("link_close", "a", -1)
        start = match.end()
    yield _text(text[start:])


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_md.core.ruler.push("mentions", _link_mentions)

_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
_IMAGE_ATTRIBUTES = {"src", "alt", "width", "height", "loading", "decoding"}


def render_markdown(text: str, mentions: Mapping[str, str] | None = None) -> str:
    """`mentions`: handle (lower case) → the person's address; their @handles become links."""
    html = _md.render(text, {"mentions": mentions or {}})
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
