"""Public paths of things, in one place for pages, the API and share cards."""

from __future__ import annotations


def user_path(handle: str) -> str:
    return f"/u/{handle}"


def org_path(slug: str) -> str:
    return f"/o/{slug}"


def campaign_path(slug: str) -> str:
    return f"/c/{slug}"


def entry_path(entry_id: str) -> str:
    return f"/e/{entry_id}"


def kept_entry_path(kept_id: str, merged_id: str) -> str:
    """The idea a duplicate was merged into; its page then says where the visitor came from."""
    return f"/e/{kept_id}?merged={merged_id}"


def award_path(award_id: str) -> str:
    return f"/b/{award_id}"


def award_card_path(award_id: str) -> str:
    """A stable image address for the card (redirects to storage), for og:image."""
    return f"/b/{award_id}/card.png"


def entry_card_path(entry_id: str) -> str:
    """The entry's own card image (redirects to storage), for og:image."""
    return f"/e/{entry_id}/card.png"


def user_card_path(handle: str) -> str:
    """The profile's card image (redirects to storage), for og:image."""
    return f"/u/{handle}/card.png"


def campaign_manage_path(slug: str) -> str:
    return f"/c/{slug}/manage"


def moderation_path(slug: str) -> str:
    return f"/c/{slug}/moderation"


def team_path(team_id: str) -> str:
    return f"/t/{team_id}"


def team_invite_path(code: str) -> str:
    return f"/join/{code}"


def verify_path(token: str) -> str:
    return f"/verify/{token}"


def tag_filter_path(campaign_slug: str, tag_slug: str) -> str:
    """The campaign's gallery, showing only the entries carrying the tag."""
    return f"/c/{campaign_slug}?tag={tag_slug}#gallery-title"


def tags_path(campaign_slug: str) -> str:
    return f"/c/{campaign_slug}/tags"


def listening_path(campaign_slug: str) -> str:
    return f"/c/{campaign_slug}/listening"


def fundraising_page_path(campaign_slug: str, page_slug: str) -> str:
    """A fan's own fundraising page under a fundraiser."""
    return f"/c/{campaign_slug}/p/{page_slug}"


def fundraising_team_path(campaign_slug: str, team_slug: str) -> str:
    return f"/c/{campaign_slug}/t/{team_slug}"


def short_link(base_url: str, path: str) -> str:
    """An address as people read it on a picture: no scheme, no "www.", e.g.
    "cocreate.example/e/3kq9x2m7pz1a"."""
    host = base_url.split("://", 1)[-1].rstrip("/")
    return host.removeprefix("www.") + path
