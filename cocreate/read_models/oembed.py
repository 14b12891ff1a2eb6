"""oEmbed: what another site needs to embed one of our public pages as a rich card.

Badge, entry, profile and campaign pages are embeddable. The answer names the page's
title, author and card image, and carries an iframe of the page's embed view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from cocreate.lib import urls
from cocreate.lib.errors import NotFound
from cocreate.services.accounts import accounts
from cocreate.services.badges import badges
from cocreate.services.campaigns import campaigns
from cocreate.services.entries import entries
from cocreate.services.moderation import merging
from cocreate.settings import Settings

PAGE = re.compile(r"^/(?P<kind>[bceu])/(?P<key>[A-Za-z0-9_-]{1,80})/?$")
WIDTH, HEIGHT = 600, 420  # the embed's natural size; the card inside is 1200x630 scaled
MIN_WIDTH = 240


@dataclass(frozen=True)
class Embed:
    title: str
    author_name: str
    author_url: str
    page_path: str  # the page itself
    embed_path: str  # its embeddable view
    thumbnail_path: str | None  # a stable 1200x630 image address


def page_path(settings: Settings, url: str | None) -> str:
    """The path of `url` when it is one of our pages, else NotFound."""
    parts = urlsplit(url or "")
    ours = urlsplit(settings.base_url)
    if parts.scheme not in ("http", "https") or parts.netloc != ours.netloc:
        raise NotFound("That address is not a cocreate page that can be embedded.")
    return parts.path


async def describe(path: str) -> Embed:
    """What an embed of the public page at `path` shows (NotFound for anything else)."""
    found = PAGE.match(path)
    if found is None:
        raise NotFound("Only badge, entry, profile and campaign pages can be embedded.")
    kind, key = found["kind"], found["key"]
    if kind == "b":
        award = await badges.get_award(key)
        if award.revoked_at:
            raise NotFound("This badge was revoked.")
        person = award.user
        return Embed(f"{person.display_name} earned the {badges.label(award)} badge",
                     person.display_name, urls.user_path(person.handle),
                     urls.award_path(award.id), f"/embed{urls.award_path(award.id)}",
                     urls.award_card_path(award.id))
    if kind == "e":  # a merged duplicate embeds the idea it went into
        entry = await entries.view_entry(None, await merging.kept_entry_id(
            await entries.get_entry(key)) or key)
        author = entry.author
        return Embed(entry.title, author.display_name, urls.user_path(author.handle),
                     urls.entry_path(entry.id), f"/embed{urls.entry_path(entry.id)}",
                     urls.entry_card_path(entry.id))
    if kind == "u":
        person = await accounts.get_by_handle(key)
        return Embed(f"{person.display_name} on cocreate", person.display_name,
                     urls.user_path(person.handle), urls.user_path(person.handle),
                     f"/embed{urls.user_path(person.handle)}",
                     urls.user_card_path(person.handle) if person.card_key else None)
    campaign = await campaigns.view_campaign(None, key)
    return Embed(campaign.title, campaign.org.name, urls.org_path(campaign.org.slug),
                 urls.campaign_path(campaign.slug), f"/embed{urls.campaign_path(campaign.slug)}",
                 None)


def size(max_width: int | None, max_height: int | None) -> tuple[int, int]:
    """The embed's size within the consumer's limits, keeping its proportions."""
    width, height = WIDTH, HEIGHT
    if max_width:
        width = max(MIN_WIDTH, min(width, max_width))
        height = round(width * HEIGHT / WIDTH)
    if max_height and height > max_height:
        height = max(round(MIN_WIDTH * HEIGHT / WIDTH), max_height)
        width = round(height * WIDTH / HEIGHT)
    return width, height
