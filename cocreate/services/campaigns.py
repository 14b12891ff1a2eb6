"""Campaigns: launching them and reading them."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from cocreate.markdown import render_markdown
from cocreate.models import Campaign, Media, User
from cocreate.models.base import new_id
from cocreate.services import orgs
from cocreate.services.errors import Conflict, NotFound
from cocreate.services.validation import FieldErrors, slugify

KINDS = ("idea",)  # "remix", "team" and "fundraiser" arrive with their own issues


async def create_campaign(
    actor: User, org_slug: str, title: str | None, kind: str | None,
    description: str | None, closes_at: datetime | None = None,
    cover_media_id: str | None = None,
) -> Campaign:
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    errors = FieldErrors()
    title = errors.text("title", title, label="Title", min_len=3, max_len=140)
    description = errors.text("description", description, label="Description", max_len=20_000)
    if kind not in KINDS:
        errors.add("kind", "This kind of campaign is not available yet; choose idea.")
    if closes_at is not None:
        if closes_at.tzinfo is None:
            closes_at = closes_at.replace(tzinfo=UTC)
        if closes_at <= datetime.now(UTC):
            errors.add("closes_at", "The closing date must be in the future.")
    cover = None
    if cover_media_id:
        cover = await Media.get_or_none(id=cover_media_id, owner=actor, status="ready")
        if cover is None:
            errors.add("cover_media_id", "Use an image you uploaded that has finished processing.")
    errors.raise_if_any()
    slug = f"{slugify(title, 50) or 'campaign'}-{new_id(5)}"
    try:
        return await Campaign.create(
            slug=slug, org=org, kind=kind, title=title, description=description,
            description_html=render_markdown(description), closes_at=closes_at,
            cover=cover, created_by=actor,
        )
    except IntegrityError as error:
        raise Conflict("Please try again.") from error


async def get_campaign(slug: str) -> Campaign:
    campaign = await Campaign.get_or_none(slug=slug).select_related("org", "cover")
    if campaign is None:
        raise NotFound("There is no campaign at this address.")
    return campaign


def is_open(campaign: Campaign) -> bool:
    return campaign.closes_at is None or campaign.closes_at > datetime.now(UTC)


async def list_campaigns(limit: int = 50) -> list[Campaign]:
    return await Campaign.all().select_related("org", "cover").order_by("-created_at").limit(limit)


async def org_campaigns(org_slug: str) -> list[Campaign]:
    org = await orgs.get_org(org_slug)
    return await Campaign.filter(org=org).select_related("org", "cover").order_by("-created_at")


async def open_campaigns(limit: int = 24) -> list[Campaign]:
    """Campaigns still taking entries, newest first (the home page's showcase)."""
    still_open = Q(closes_at__isnull=True) | Q(closes_at__gt=datetime.now(UTC))
    return (
        await Campaign.filter(still_open).select_related("org", "cover")
        .order_by("-created_at").limit(limit)
    )
