"""Models to API bodies."""

from __future__ import annotations

from cocreate import urls
from cocreate.api import schemas
from cocreate.models import Award, Campaign, Entry, Organization, User
from cocreate.services import badges, campaigns
from cocreate.services.media import media_urls
from cocreate.settings import Settings
from cocreate.storage import Storage


def user(settings: Settings, person: User) -> schemas.UserOut:
    return schemas.UserOut(
        handle=person.handle, display_name=person.display_name,
        url=settings.absolute_url(urls.user_path(person.handle)),
    )


def me(settings: Settings, person: User) -> schemas.MeOut:
    return schemas.MeOut(**user(settings, person).model_dump(), email=person.email)


def org(settings: Settings, found: Organization) -> schemas.OrgOut:
    return schemas.OrgOut(
        slug=found.slug, name=found.name, kind=found.kind, color=found.color,
        url=settings.absolute_url(urls.org_path(found.slug)),
    )


def campaign(settings: Settings, storage: Storage, found: Campaign) -> schemas.CampaignOut:
    return schemas.CampaignOut(
        slug=found.slug, title=found.title, kind=found.kind, description=found.description,
        description_html=found.description_html, org=org(settings, found.org),
        closes_at=found.closes_at, is_open=campaigns.is_open(found),
        entry_count=found.entry_count, cover_url=media_urls(storage, found.cover)["url"],
        url=settings.absolute_url(urls.campaign_path(found.slug)),
    )


def entry(settings: Settings, storage: Storage, found: Entry, campaign_slug: str
          ) -> schemas.EntryOut:
    images = media_urls(storage, found.media)
    return schemas.EntryOut(
        id=found.id, campaign=campaign_slug, kind=found.kind, title=found.title,
        body=found.body, body_html=found.body_html, author=user(settings, found.author),
        vote_count=found.vote_count, image_url=images["url"],
        thumbnail_url=images["thumbnail_url"], created_at=found.created_at,
        url=settings.absolute_url(urls.entry_path(found.id)),
    )


def award(settings: Settings, storage: Storage, found: Award) -> schemas.AwardOut:
    return schemas.AwardOut(
        id=found.id, badge=found.badge, label=badges.label(found),
        description=badges.description(found), campaign=found.campaign.slug,
        status="ready" if found.status == "ready" else "rendering",
        image_url=storage.url(found.image_key) if found.image_key else None,
        share_url=settings.absolute_url(urls.award_path(found.id)),
        created_at=found.created_at,
    )
