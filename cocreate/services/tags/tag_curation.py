"""Managers curate a campaign's tags: create, rename and recolour, approve or reject what fans
suggest, merge one tag into another (its entries move, each entry tagged once), delete.
Each change is rate limited and written to the organization's audit log."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, Invalid, NotFound
from cocreate.models import Campaign, Entry, EntryStatus, EntryTag, Tag, User
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors, slugify, valid_color
from cocreate.services.orgs import orgs
from cocreate.services.tags.tags import APPROVED, SUGGESTED, clean_name


async def _managed(deps: Deps | None, actor: User, slug: str) -> Campaign:
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    phases.require_entry_kind(campaign, "tags")
    if deps is not None:
        await deps.limiter.hit("tags", actor.id)
    return campaign


async def _tag(campaign: Campaign, tag_slug: str) -> Tag:
    tag = await Tag.get_or_none(campaign_id=campaign.id, slug=tag_slug)
    if tag is None:
        raise NotFound("This campaign has no such tag.")
    return tag


def _checked(name: str | None, color: str | None) -> tuple[str, str | None]:
    errors = FieldErrors()
    cleaned = clean_name(errors, "name", name)
    color = (color or "").strip() or None
    if color and not valid_color(color):
        errors.add("color", "Use a colour like #0e7c66.")
    errors.raise_if_any()
    return cleaned, color


async def _taken(campaign: Campaign, slug: str, other_than: str | None = None) -> None:
    existing = await Tag.get_or_none(campaign_id=campaign.id, slug=slug)
    if existing is not None and existing.id != other_than:
        hint = ("approve it instead" if existing.status == SUGGESTED
                else "merge into it instead")
        raise Conflict(f"This campaign has a tag “{existing.name}” already: {hint}.",
                       {"name": f"“{existing.name}” exists already."})


async def all_tags(actor: User, slug: str) -> tuple[Campaign, list[Tag]]:
    """Every tag of the campaign for its managers: suggestions waiting first."""
    campaign = await _managed(None, actor, slug)
    found = await Tag.filter(campaign_id=campaign.id).select_related("suggested_by")
    return campaign, sorted(found, key=lambda t: (t.status != SUGGESTED, -t.entry_count,
                                                  t.name.casefold()))


async def create(deps: Deps, actor: User, slug: str, name: str | None,
                 color: str | None = None) -> Tag:
    campaign = await _managed(deps, actor, slug)
    name, color = _checked(name, color)
    await _taken(campaign, slugify(name))
    try:
        async with in_transaction():
            tag = await Tag.create(campaign=campaign, name=name, slug=slugify(name), color=color)
            await audit.record(campaign.org_id, actor, "tag.create", "tag", tag.id,
                               f"Added the tag “{name}” to “{campaign.title}”")
    except IntegrityError as error:
        raise Conflict("Someone added this tag just now.") from error
    return tag


async def update(deps: Deps, actor: User, slug: str, tag_slug: str, name: str | None,
                 color: str | None = None) -> Tag:
    """Rename or recolour a tag (its address follows its new name)."""
    campaign = await _managed(deps, actor, slug)
    tag = await _tag(campaign, tag_slug)
    name, color = _checked(name, color)
    await _taken(campaign, slugify(name), other_than=tag.id)
    try:
        async with in_transaction():
            await Tag.filter(id=tag.id).update(name=name, slug=slugify(name), color=color)
            await audit.record(campaign.org_id, actor, "tag.update", "tag", tag.id,
                               f"Renamed the tag “{tag.name}” to “{name}”" if name != tag.name
                               else f"Changed the colour of the tag “{name}”")
    except IntegrityError as error:
        raise Conflict("Someone took this name just now.") from error
    return await Tag.get(id=tag.id)


async def approve(deps: Deps, actor: User, slug: str, tag_slug: str) -> Tag:
    """A fan's suggestion becomes a tag everyone may pick."""
    campaign = await _managed(deps, actor, slug)
    tag = await _tag(campaign, tag_slug)
    async with in_transaction():
        if await Tag.filter(id=tag.id, status=SUGGESTED).update(status=APPROVED):
            await audit.record(campaign.org_id, actor, "tag.approve", "tag", tag.id,
                               f"Approved the suggested tag “{tag.name}”")
    return await Tag.get(id=tag.id)


async def _remove(deps: Deps, actor: User, slug: str, tag_slug: str, *, suggestion: bool
                  ) -> None:
    campaign = await _managed(deps, actor, slug)
    tag = await _tag(campaign, tag_slug)
    if suggestion and tag.status != SUGGESTED:
        raise Conflict(f"“{tag.name}” is approved already; delete it instead.")
    async with in_transaction():
        await Tag.filter(id=tag.id).delete()  # its entry rows go with it
        verb = "Rejected the suggested tag" if suggestion else "Deleted the tag"
        await audit.record(campaign.org_id, actor, "tag.reject" if suggestion else "tag.delete",
                           "tag", tag.id, f"{verb} “{tag.name}” ({tag.entry_count} entries)")


async def reject(deps: Deps, actor: User, slug: str, tag_slug: str) -> None:
    """A suggestion is turned down: it comes off the entries it was on."""
    await _remove(deps, actor, slug, tag_slug, suggestion=True)


async def delete(deps: Deps, actor: User, slug: str, tag_slug: str) -> None:
    await _remove(deps, actor, slug, tag_slug, suggestion=False)


async def merge(deps: Deps, actor: User, slug: str, tag_slug: str, into: str | None) -> Tag:
    """Move a tag's entries to another tag and delete it. An entry carrying both keeps one.

    The moved entries are locked first, so moderation publishing or hiding one of them at the
    same moment counts it for the tag it really carries.
    """
    campaign = await _managed(deps, actor, slug)
    source = await _tag(campaign, tag_slug)
    if not into or into == source.slug:
        raise Invalid("Choose the tag to merge into.", {"into": "Choose another tag."})
    target = await Tag.get_or_none(campaign_id=campaign.id, slug=into)
    if target is None:
        raise Invalid("Choose the tag to merge into.", {"into": "This campaign has no such tag."})
    try:
        async with in_transaction():
            rows = await EntryTag.filter(tag_id=source.id).values_list("id", "entry_id")
            entry_ids = [entry_id for _, entry_id in rows]
            if entry_ids:
                await Entry.filter(id__in=entry_ids).order_by("id").select_for_update(
                    no_key=True).only("id")
            both = set(await EntryTag.filter(tag_id=target.id, entry_id__in=entry_ids)
                       .values_list("entry_id", flat=True)) if entry_ids else set()
            moving = [row_id for row_id, entry_id in rows if entry_id not in both]
            if moving:
                await EntryTag.filter(id__in=moving).update(tag_id=target.id)
                gained = await EntryTag.filter(id__in=moving,
                                               entry__status=EntryStatus.PUBLISHED).count()
                await Tag.filter(id=target.id).update(entry_count=F("entry_count") + gained)
            await Tag.filter(id=source.id).delete()
            await audit.record(campaign.org_id, actor, "tag.merge", "tag", target.id,
                               f"Merged the tag “{source.name}” into “{target.name}” "
                               f"({len(moving)} entries moved)")
    except IntegrityError as error:
        raise Conflict("Entries were tagged meanwhile; please try the merge again.") from error
    return await Tag.get(id=target.id)
