"""Fans' own fundraising pages under a fundraiser: making one (one per fan per campaign,
while the fundraiser takes gifts), editing it, hiding it (managers), and what everyone sees.

A page has a personal goal in the fundraiser's currency, a story (Markdown through the
sanitizer), a photo (an upload the media worker has checked) and at most one team. Gifts
made on it count for it, its team and the campaign (services/fundraising/page_ledger.py). A hidden
page is seen only by its owner and the organization's moderators and takes no gifts; what
was given on it still counts for its team and the campaign.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib import money, urls
from cocreate.lib.errors import Conflict, NotFound
from cocreate.lib.ids import new_id
from cocreate.lib.markdown import render_markdown
from cocreate.models import (
    Campaign,
    FundraisingPage,
    FundraisingPageStatus,
    FundraisingTeam,
    Gift,
    GiftStatus,
    Media,
    MediaKind,
    MediaStatus,
    User,
)
from cocreate.services.campaigns import campaigns, fundraisers, phases
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors, MultiLineText, SingleLineText
from cocreate.services.fundraising import team_membership
from cocreate.services.orgs import orgs
from cocreate.services.sharing import page_cards

MAX_TITLE = 120
MAX_STORY = 5000
SUPPORTERS = 20
RESERVED_SLUGS = ("new",)


class PageChanges(BaseModel):
    """What a fan changes on their page, from its form or as the API's JSON body; None keeps
    the value."""

    model_config = ConfigDict(extra="forbid")

    title: SingleLineText | None = Field(
        None, description="Defaults to your name and the organization's",
        json_schema_extra={"maxLength": MAX_TITLE})
    goal: int | None = Field(None, description="Your personal goal, in minor units of the "
                             "fundraiser's currency")
    story: MultiLineText | None = Field(
        None, description=f"Markdown, at most {MAX_STORY:,} characters",
        json_schema_extra={"maxLength": MAX_STORY})
    photo_media_id: SingleLineText | None = Field(
        None, description="An image you uploaded that has "
        'finished processing ("" removes the photo)')


class PageInput(PageChanges):
    """A new page: the title and goal are needed (the title has a default), and it may start
    or join a team."""

    team: SingleLineText | None = Field(
        None, max_length=100, description="Join this team (its slug)")
    new_team: SingleLineText | None = Field(
        None, max_length=400, description="Start a team of this "
        "name, with you as captain")


def default_title(owner: User, campaign: Campaign) -> str:
    return f"{owner.display_name} for {campaign.org.name}"[:120]


async def _page(campaign: Campaign, slug: str) -> FundraisingPage:
    page = await FundraisingPage.get_or_none(campaign_id=campaign.id, slug=slug).select_related(
        "owner", "photo", "team")
    if page is None:
        raise NotFound("There is no fundraising page at this address.")
    page.campaign = campaign
    return page


async def may_see_hidden(viewer: User | None, page: FundraisingPage) -> bool:
    if viewer is None:
        return False
    return viewer.id == page.owner_id or await orgs.can_moderate(viewer, page.campaign.org)


async def view_page(viewer: User | None, campaign_slug: str, slug: str) -> FundraisingPage:
    """A page as `viewer` may see it (campaign, org, owner, photo and team loaded)."""
    campaign = await campaigns.view_campaign(viewer, campaign_slug)
    await fundraisers.of(campaign)
    page = await _page(campaign, slug)
    if page.status != FundraisingPageStatus.ACTIVE and not await may_see_hidden(viewer, page):
        raise NotFound("There is no fundraising page at this address.")
    return page


async def page_of(viewer: User | None, campaign: Campaign) -> FundraisingPage | None:
    """The viewer's own page under this fundraiser, if they made one."""
    if viewer is None:
        return None
    return await FundraisingPage.get_or_none(campaign_id=campaign.id, owner_id=viewer.id
                                             ).select_related("team")


async def givable(campaign: Campaign, page_id: str) -> FundraisingPage:
    """The page a gift is made on: one of this fundraiser's pages, not hidden."""
    page = await FundraisingPage.get_or_none(id=page_id, campaign_id=campaign.id,
                                             status=FundraisingPageStatus.ACTIVE)
    if page is None:
        raise NotFound("There is no fundraising page to give on at this address.")
    return page


async def given_on(gift: Gift) -> FundraisingPage | None:
    """The fan's page a gift was made on, while it is shown (its owner loaded)."""
    if not gift.page_id:
        return None
    return await FundraisingPage.get_or_none(
        id=gift.page_id, status=FundraisingPageStatus.ACTIVE).select_related("owner")


async def _apply(page: FundraisingPage, actor: User, wanted: PageChanges, currency: str,
                 errors: FieldErrors, creating: bool) -> None:
    if creating or wanted.title is not None:
        page.title = errors.text("title", wanted.title, label="Title", min_len=2,
                                 max_len=MAX_TITLE)
    if creating or wanted.goal is not None:
        if wanted.goal is None or not 0 < wanted.goal <= money.MAX_MINOR * 100:
            errors.add("goal", f"Set a goal above zero, in {currency}.")
        else:
            page.goal = wanted.goal
    if wanted.story is not None:
        page.story = errors.text("story", wanted.story, label="Story", min_len=0,
                                 max_len=MAX_STORY, multiline=True)
        page.story_html = render_markdown(page.story) if page.story else ""
    if wanted.photo_media_id == "":
        page.photo = None
    elif wanted.photo_media_id is not None:
        photo = await Media.get_or_none(id=wanted.photo_media_id, owner_id=actor.id,
                                        status=MediaStatus.READY, kind=MediaKind.IMAGE)
        if photo is None:
            errors.add("photo_media_id", "Use an image you uploaded that has finished "
                       "processing.")
        page.photo = photo


async def _free_slug(campaign: Campaign, owner: User) -> str:
    slug = owner.handle.lower()
    if slug in RESERVED_SLUGS or await FundraisingPage.exists(campaign_id=campaign.id,
                                                              slug=slug):
        slug = f"{slug}-{new_id(4)}"
    return slug


async def create_page(deps: Deps, actor: User, campaign_slug: str,
                      wanted: PageInput) -> FundraisingPage:
    """Start the fan's own page (and a team, or join one) while the fundraiser is open."""
    campaign = await campaigns.view_campaign(actor, campaign_slug)
    fundraiser = await fundraisers.of(campaign)
    phases.require_gifts_open(campaign)
    if await FundraisingPage.exists(campaign_id=campaign.id, owner_id=actor.id):
        raise Conflict("You already have a fundraising page for this fundraiser.")
    if wanted.title is None or not wanted.title.strip():
        wanted.title = default_title(actor, campaign)
    errors = FieldErrors()
    page = FundraisingPage(campaign=campaign, owner=actor, slug=await _free_slug(campaign, actor))
    await _apply(page, actor, wanted, fundraiser.currency, errors, creating=True)
    team = None
    if wanted.team and not wanted.new_team:
        team = await FundraisingTeam.get_or_none(campaign_id=campaign.id, slug=wanted.team)
        if team is None:
            errors.add("team", "Choose one of this fundraiser's teams.")
    errors.raise_if_any()
    await deps.limiter.hit("submissions", actor.id)
    try:
        async with in_transaction():
            if wanted.new_team:
                team = await team_membership.new_team(campaign, actor, wanted.new_team, None,
                                                      None, errors, name_field="new_team")
            await page.save()
            if team is not None:
                await team_membership.move(page, team.id)
            await page_cards.queue(page.id, "made")
    except IntegrityError as error:
        if await FundraisingPage.exists(campaign_id=campaign.id, owner_id=actor.id):
            raise Conflict("You already have a fundraising page for this fundraiser.") \
                from error
        raise Conflict("Someone else just took that name. Please try again.") from error
    deps.jobs.kick()
    return await _page(campaign, page.slug)


async def edit_page(deps: Deps, actor: User, campaign_slug: str, slug: str,
                    wanted: PageChanges) -> FundraisingPage:
    """The owner changes their title, goal, story or photo."""
    page = await view_page(actor, campaign_slug, slug)
    if page.owner_id != actor.id:
        raise NotFound("There is no fundraising page of yours at this address.")
    fundraiser = await fundraisers.of(page.campaign)
    errors = FieldErrors()
    await _apply(page, actor, wanted, fundraiser.currency, errors, creating=False)
    errors.raise_if_any()
    await deps.limiter.hit("submissions", actor.id)
    async with in_transaction():
        await FundraisingPage.filter(id=page.id).update(
            title=page.title, goal=page.goal, story=page.story, story_html=page.story_html,
            photo_id=page.photo.id if page.photo else None)
        await page_cards.queue(page.id, f"edit:{new_id(6)}")
        await page_cards.refresh(page.id)
    deps.jobs.kick()
    return await _page(page.campaign, page.slug)


async def moderate(deps: Deps, actor: User, campaign_slug: str, slug: str, hide: bool,
                   reason: str | None = None) -> FundraisingPage:
    """A manager hides a page (with a reason its owner sees on it) or shows it again."""
    campaign = await campaigns.get_campaign(campaign_slug)
    await orgs.require_moderator(actor, campaign.org)
    page = await _page(campaign, slug)
    errors = FieldErrors()
    why = errors.text("reason", reason, label="Reason", min_len=3 if hide else 0, max_len=300,
                      multiline=True)
    errors.raise_if_any()
    await deps.limiter.hit("moderation", actor.id)
    status = FundraisingPageStatus.HIDDEN if hide else FundraisingPageStatus.ACTIVE
    async with in_transaction():
        if not await FundraisingPage.filter(id=page.id).exclude(status=status).update(
                status=status, hidden_reason=why if hide else ""):
            raise Conflict(f"This page is {'hidden' if hide else 'shown'} already.")
        await audit.record(
            campaign.org_id, actor, "fundraising_page.hide" if hide else "fundraising_page.show",
            "fundraising_page", page.id,
            f"{'Hid' if hide else 'Showed again'} the fundraising page “{page.title}” of "
            f"{page.owner.display_name}" + (f": {why}" if hide else ""), {"reason": why})
    return await _page(campaign, slug)


async def supporters(page: FundraisingPage, limit: int = SUPPORTERS) -> list[Gift]:
    """The latest succeeded gifts made on the page, newest first (pass them through
    gifts.public_name)."""
    return (await Gift.filter(page_id=page.id, status=GiftStatus.SUCCEEDED).select_related("donor")
            .order_by("-paid_at", "-id").limit(limit))


async def top_pages(campaign: Campaign, limit: int = 10,
                    team: FundraisingTeam | None = None) -> list[FundraisingPage]:
    """Visible pages by amount raised, ties to the earlier page (read off the page rows)."""
    query = FundraisingPage.filter(campaign_id=campaign.id, status=FundraisingPageStatus.ACTIVE)
    if team is not None:
        query = query.filter(team_id=team.id)
    return (await query.select_related("owner", "photo", "team")
            .order_by("-raised", "created_at", "id").limit(limit))


def path_of(page: FundraisingPage) -> str:
    return urls.fundraising_page_path(page.campaign.slug, page.slug)
