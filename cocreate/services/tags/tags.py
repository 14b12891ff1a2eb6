"""Tags on entries: a fan picks up to MAX_PER_ENTRY of the campaign's tags for their entry, or
suggests a new one. A suggestion is attached at once and shown as suggested, but it is offered
to other fans (and shown to them) only once a manager approves it. The gallery filters by tag.

Tag.entry_count counts the published entries carrying a tag. It moves with the rows in one
transaction, under a lock on the entry, so moderation can't slip between (reconcile checks).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Forbidden, NotFound
from cocreate.models import Campaign, Entry, EntryStatus, EntryTag, Tag, TagStatus, User
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors, slugify

MAX_PER_ENTRY = 3
APPROVED, SUGGESTED = TagStatus.APPROVED, TagStatus.SUGGESTED


@dataclass(frozen=True)
class Choice:
    """The tags an entry is to carry: existing ones, and a new name to suggest."""

    tags: list[Tag]
    suggestion: str | None = None


def clean_name(errors: FieldErrors, field: str, name: str | None) -> str:
    cleaned = " ".join(errors.text(field, name, label="A tag", min_len=2, max_len=40).split())
    if field not in errors.fields and not slugify(cleaned):
        errors.add(field, "A tag needs letters or digits.")
    return cleaned


async def offered(viewer: User | None, campaign: Campaign, *, manager: bool = False,
                  keep: Iterable[str] = ()) -> list[Tag]:
    """The tags a person may pick: approved ones, those they suggested and those already on
    the entry they edit (`keep`); managers may pick any. Most used first."""
    query = Tag.filter(campaign_id=campaign.id)
    if not manager:
        mine = Q(status=APPROVED) | Q(id__in=list(keep))
        if viewer is not None:
            mine |= Q(suggested_by_id=viewer.id)
        query = query.filter(mine)
    return await query.order_by("-entry_count", "name")


async def listed(viewer: User | None, campaign_slug: str) -> tuple[Campaign, list[Tag]]:
    """A campaign's tags as `viewer` may pick them (managers: every one, suggestions too)."""
    campaign = await campaigns.view_campaign(viewer, campaign_slug)
    phases.require_entry_kind(campaign, "tags")
    manager = await campaigns.can_manage(viewer, campaign)
    return campaign, await offered(viewer, campaign, manager=manager)


async def approved(campaign: Campaign) -> list[Tag]:
    """The tags the gallery offers as filters."""
    return await Tag.filter(campaign_id=campaign.id, status=APPROVED).order_by(
        "-entry_count", "name")


async def choose(viewer: User, campaign: Campaign, slugs: Iterable[str],
                 suggestion: str | None, errors: FieldErrors, *, manager: bool = False,
                 keep: Iterable[str] = ()) -> Choice:
    """Check what a person picked (slugs of offered tags) and suggested (a new name)."""
    slugs = list(slugs)
    if not slugs and not (suggestion and suggestion.strip()):
        return Choice([])
    available = {tag.slug: tag for tag in await offered(viewer, campaign, manager=manager,
                                                        keep=keep)}
    wanted = list(dict.fromkeys(s.strip().lower() for s in slugs if s and s.strip()))
    unknown = [slug for slug in wanted if slug not in available]
    if unknown:
        errors.add("tags", f"“{unknown[0]}” is not one of this campaign's tags.")
    chosen = [available[slug] for slug in wanted if slug in available]
    name = None
    if suggestion and suggestion.strip():
        name = clean_name(errors, "suggest_tag", suggestion)
        match = available.get(slugify(name))
        if match is not None:  # it exists already: pick it instead
            name = None
            if match not in chosen:
                chosen.append(match)
    if len(chosen) + (1 if name else 0) > MAX_PER_ENTRY:
        errors.add("tags", f"Choose at most {MAX_PER_ENTRY} tags.")
    return Choice(chosen, name or None)


async def _suggested(campaign_id: str, name: str, actor: User, manager: bool) -> Tag:
    """The tag a suggestion names: the campaign's tag with its slug, or a new one (approved at
    once when a manager suggests it)."""
    slug = slugify(name)
    existing = await Tag.get_or_none(campaign_id=campaign_id, slug=slug)
    if existing is not None:
        return existing
    try:
        async with in_transaction():  # a savepoint: someone may suggest the same name at once
            return await Tag.create(campaign_id=campaign_id, name=name, slug=slug,
                                    status=APPROVED if manager else SUGGESTED,
                                    suggested_by=None if manager else actor)
    except IntegrityError:
        return await Tag.get(campaign_id=campaign_id, slug=slug)


async def _write(entry: Entry, choice: Choice, actor: User, manager: bool,
                 current: set[str], published: bool) -> None:
    wanted = {tag.id for tag in choice.tags}
    if choice.suggestion:
        wanted.add((await _suggested(entry.campaign_id, choice.suggestion, actor, manager)).id)
    removed, added = current - wanted, wanted - current
    if removed:
        await EntryTag.filter(entry_id=entry.id, tag_id__in=list(removed)).delete()
    if added:
        await EntryTag.bulk_create([EntryTag(entry_id=entry.id, tag_id=tag_id)
                                    for tag_id in sorted(added)])
    if published:
        for ids, step in ((added, 1), (removed, -1)):
            if ids:
                await Tag.filter(id__in=list(ids)).update(entry_count=F("entry_count") + step)


async def attach(entry: Entry, choice: Choice, actor: User, *, manager: bool = False) -> None:
    """Tag a new entry, inside its submission's transaction and before it is published
    (publishing counts it for its tags)."""
    await _write(entry, choice, actor, manager, set(), published=False)


async def carry_over(duplicate: Entry, kept: Entry) -> list[Tag]:
    """A merged duplicate's approved tags go to the idea kept (inside the merge's
    transaction, with `kept` locked and public), up to MAX_PER_ENTRY: the kept idea's own
    tags stay, and the duplicate's most used ones fill what room is left. Suggestions stay
    behind: they were never a manager's choice. The kept idea counts for each tag it gains."""
    have = set(await EntryTag.filter(entry_id=kept.id).values_list("tag_id", flat=True))
    room = MAX_PER_ENTRY - len(have)
    if room <= 0:
        return []
    query = Tag.filter(entry_tags__entry_id=duplicate.id, status=APPROVED)
    if have:
        query = query.exclude(id__in=list(have))
    gained = await query.order_by("-entry_count", "name").limit(room)
    if gained:
        await EntryTag.bulk_create([EntryTag(entry_id=kept.id, tag_id=tag.id)
                                    for tag in gained])
        await Tag.filter(id__in=[tag.id for tag in gained]).update(
            entry_count=F("entry_count") + 1)
    return gained


def may_tag(viewer: User | None, entry: Entry) -> bool:
    """Its author may tag an entry while the campaign is public (managers always may)."""
    return (viewer is not None and viewer.id == entry.author_id
            and phases.is_public(entry.campaign))


async def set_entry_tags(deps: Deps, actor: User, entry_id: str, slugs: Iterable[str],
                         suggestion: str | None = None) -> list[Tag]:
    """The author (while the campaign is public) or a manager sets an entry's tags."""
    entry = await Entry.get_or_none(id=entry_id).select_related("campaign", "campaign__org")
    if entry is None:
        raise NotFound("There is no entry at this address.")
    manager = await campaigns.can_manage(actor, entry.campaign)
    if not manager and not may_tag(actor, entry):
        raise Forbidden("Only its author and the campaign's managers can tag this entry.")
    await deps.limiter.hit("tags", actor.id)
    current = set(await EntryTag.filter(entry_id=entry.id).values_list("tag_id", flat=True))
    errors = FieldErrors()
    choice = await choose(actor, entry.campaign, slugs, suggestion, errors, manager=manager,
                          keep=current)
    errors.raise_if_any()
    async with in_transaction():
        locked = await Entry.filter(id=entry.id).select_for_update(no_key=True).first()
        if locked is None:
            raise NotFound("There is no entry at this address.")
        current = set(await EntryTag.filter(entry_id=entry.id).values_list("tag_id", flat=True))
        await _write(entry, choice, actor, manager, current, locked.status == EntryStatus.PUBLISHED)
    return (await for_entries(actor, [entry], manager=manager)).get(entry.id, [])


def shown(tag: Tag, viewer: User | None, entry: Entry, manager: bool) -> bool:
    """Suggestions show to the entry's author and the managers; approved tags to everyone."""
    return (tag.status == APPROVED or manager
            or (viewer is not None and viewer.id == entry.author_id))


async def for_entries(viewer: User | None, shown_entries: list[Entry], *,
                      manager: bool = False) -> dict[str, list[Tag]]:
    """Each entry's tags as `viewer` sees them, in one query."""
    by_id = {entry.id: entry for entry in shown_entries}
    if not by_id:
        return {}
    rows = await EntryTag.filter(entry_id__in=list(by_id)).select_related("tag").order_by(
        "tag__name")
    found: dict[str, list[Tag]] = {}
    for row in rows:
        if shown(row.tag, viewer, by_id[row.entry_id], manager):
            found.setdefault(row.entry_id, []).append(row.tag)
    return found

