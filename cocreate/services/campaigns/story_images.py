"""The pictures of a campaign's story: managers add, describe, order and remove them, and
the story's Markdown places them as image:N (N = the position shown on the manage page).

The story is rendered with its pictures when it is shown, not stored: picture addresses
may be presigned and expire, and an image only counts once the media worker has checked
it, so each view sees the images that are ready now. The stored description_html stays
the text-only rendering other places (feeds, the API's campaign) use."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.doors.storage import Storage
from cocreate.lib.errors import Conflict, Invalid, NotFound
from cocreate.lib.markdown import AllowedImage, render_campaign_markdown
from cocreate.models import Campaign, CampaignImage, Media, MediaKind, MediaStatus, User
from cocreate.services.campaigns import campaigns
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.services.orgs import orgs

MAX_IMAGES = 30
MAX_ALT = 300
SHIFT = 1_000_000  # moves positions out of the way while they are renumbered


@dataclass(frozen=True)
class Picture:
    """A ready story image, as a page shows it."""

    ref: str  # image:N
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class Story:
    html: str
    gallery: list[Picture]  # ready images the text does not place


def ref(image: CampaignImage) -> str:
    return f"image:{image.position}"


def snippet(image: CampaignImage) -> str:
    """What a manager pastes into the story to place the image."""
    return f"![{image.alt}]({ref(image)})".replace("\n", " ")


async def images(campaign: Campaign) -> list[CampaignImage]:
    return await (CampaignImage.filter(campaign_id=campaign.id).select_related("media")
                  .order_by("position"))


def pictures(storage: Storage, found: list[CampaignImage]) -> list[Picture]:
    """The images the worker has checked and re-encoded; the others show nothing yet."""
    return [
        Picture(ref(image), storage.url(image.media.key), image.media.width or 0,
                image.media.height or 0, image.alt)
        for image in found
        if image.media.status == MediaStatus.READY and image.media.key
    ]


async def story(storage: Storage, campaign: Campaign) -> Story:
    """The campaign's description with its pictures placed, and the rest as a gallery."""
    found = pictures(storage, await images(campaign))
    if not found:
        return Story(campaign.description_html, [])
    rendered = render_campaign_markdown(
        campaign.description, {p.ref: AllowedImage(p.url, p.width, p.height) for p in found})
    return Story(rendered.html, [p for p in found if p.ref not in rendered.placed])


async def _managed(actor: User, slug: str) -> Campaign:
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    return campaign


async def _image(campaign: Campaign, image_id: str) -> CampaignImage:
    image = await CampaignImage.get_or_none(id=image_id, campaign_id=campaign.id)
    if image is None:
        raise NotFound("This campaign's story has no such image.")
    return image


def _alt(errors: FieldErrors, alt: str | None) -> str:
    # Line breaks typed into alt text are folded into spaces: it is read as one line.
    return " ".join(errors.text("alt", alt, label="Alt text", max_len=MAX_ALT,
                                multiline=True).split())


async def add_image(deps: Deps, actor: User, slug: str, media_id: str | None,
                    alt: str | None) -> CampaignImage:
    """Add an image the manager uploaded; it shows once the worker has checked it."""
    campaign = await _managed(actor, slug)
    await deps.limiter.hit("uploads", actor.id)
    errors = FieldErrors()
    alt = _alt(errors, alt)
    media = await Media.get_or_none(id=media_id or "", owner=actor, kind=MediaKind.IMAGE,
                                    status__in=(MediaStatus.PROCESSING, MediaStatus.READY))
    if media is None:
        errors.add("media_id", "Use an image you uploaded (it may still be processing).")
    errors.raise_if_any()
    if await CampaignImage.filter(campaign_id=campaign.id).count() >= MAX_IMAGES:
        raise Invalid(f"A story can have at most {MAX_IMAGES} images; remove one first.")
    try:
        async with in_transaction():
            last = await (CampaignImage.filter(campaign_id=campaign.id).order_by("-position")
                          .first().values_list("position", flat=True))
            image = await CampaignImage.create(campaign=campaign, media=media, alt=alt,
                                               position=(last or 0) + 1)
            await audit.record(campaign.org_id, actor, "story_image.add", "campaign_image",
                               image.id, f"Added image {image.position} to the story of "
                               f"“{campaign.title}”")
    except IntegrityError as error:
        raise Conflict("Another image was added at the same moment; please try again.") from error
    return await CampaignImage.get(id=image.id).select_related("media")


async def set_alt(deps: Deps, actor: User, slug: str, image_id: str,
                  alt: str | None) -> CampaignImage:
    campaign = await _managed(actor, slug)
    await deps.limiter.hit("submissions", actor.id)
    image = await _image(campaign, image_id)
    errors = FieldErrors()
    alt = _alt(errors, alt)
    errors.raise_if_any()
    await CampaignImage.filter(id=image.id).update(alt=alt)
    return await CampaignImage.get(id=image.id).select_related("media")


async def remove_image(deps: Deps, actor: User, slug: str, image_id: str) -> None:
    """Remove an image; the others keep their numbers, so the story's references hold."""
    campaign = await _managed(actor, slug)
    await deps.limiter.hit("submissions", actor.id)
    image = await _image(campaign, image_id)
    async with in_transaction():
        await image.delete()
        await audit.record(campaign.org_id, actor, "story_image.remove", "campaign_image",
                           image_id, f"Removed image {image.position} from the story of "
                           f"“{campaign.title}”")


async def reorder(deps: Deps, actor: User, slug: str, image_ids: list[str]) -> None:
    """Number the images 1, 2, 3 ... in the given order (every image, each once)."""
    campaign = await _managed(actor, slug)
    await deps.limiter.hit("submissions", actor.id)
    await _renumber(campaign, image_ids)


async def move_image(deps: Deps, actor: User, slug: str, image_id: str, by: int) -> None:
    """Move one image up (-1) or down (+1) the list: the buttons next to each image."""
    campaign = await _managed(actor, slug)
    await deps.limiter.hit("submissions", actor.id)
    ids = [image.id for image in await images(campaign)]
    if image_id not in ids:
        raise NotFound("This campaign's story has no such image.")
    at = ids.index(image_id)
    to = min(max(at + by, 0), len(ids) - 1)
    ids.insert(to, ids.pop(at))
    await _renumber(campaign, ids)


async def _renumber(campaign: Campaign, image_ids: list[str]) -> None:
    async with in_transaction():
        current = await (CampaignImage.filter(campaign_id=campaign.id).select_for_update()
                         .values_list("id", flat=True))
        if sorted(image_ids) != sorted(current):
            raise Invalid("List every image of the story once.",
                          {"ids": "List every image of the story once, in the new order."})
        await CampaignImage.filter(campaign_id=campaign.id).update(position=F("position") + SHIFT)
        for position, image_id in enumerate(image_ids, start=1):
            await CampaignImage.filter(id=image_id).update(position=position)
