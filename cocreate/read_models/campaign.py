"""The campaign page: what a viewer may see of a campaign, whether it asks for entries (idea,
remix and team challenges) or for gifts (a fundraiser, whose parts are in `fundraiser.py`).

`campaign_page` builds the whole page; each part has its own function, so an htmx fragment
(the gallery, "load more", the entry form) computes only its part, and the API twins
(`GET /api/v1/campaigns/{c}`, its winners) read the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocreate.read_models import fundraiser as fundraiser_parts
from cocreate.services.campaigns import campaigns, eligibility, fundraisers, phases, story_images
from cocreate.services.conversation import follows
from cocreate.services.entries import entries, remix, teams
from cocreate.services.judging import jury, jury_views, prizes
from cocreate.services.scores import scores
from cocreate.services.tags import tags
from cocreate.services.voting import voting

if TYPE_CHECKING:
    from cocreate.doors.storage import Storage
    from cocreate.models import Campaign, Entry, KitAsset, Prize, Tag, Team, User, Winner
    from cocreate.services.campaigns.fundraisers import Progress
    from cocreate.services.campaigns.results import ResultRow
    from cocreate.services.entries.remix import TreeNode
    from cocreate.services.scores.scores import Ranked

REMIXABLE = 50  # entries a remix may credit, most voted first
TOP_TEN = 10
TOP_CONTRIBUTORS = 5


@dataclass(frozen=True)
class GalleryQuery:
    """Which page of the gallery: its order, the cursor of "load more", a tag filter."""

    sort: str = "top"
    cursor: str | None = None
    tag: str | None = None

    @classmethod
    def read(cls, sort: str | None, cursor: str | None, tag: str | None) -> GalleryQuery:
        """An unknown order falls back to "top"; empty values are no cursor, no tag."""
        return cls(sort if sort in entries.SORTS else "top", cursor or None, tag or None)


@dataclass(frozen=True)
class EntryCards:
    """One page of the gallery's cards, with what each card shows for this viewer."""

    query: GalleryQuery
    entries: list[Entry]
    next_cursor: str | None
    voted_ids: set[str]  # the viewer's votes among them
    own_ids: set[str]  # the viewer's own entries among them: no vote button, a word instead
    winner_ids: set[str]  # announced winners
    tags_by_entry: dict[str, list[Tag]]  # each card's tags as the viewer sees them


@dataclass(frozen=True)
class Gallery:
    cards: EntryCards
    tags: list[Tag]  # the approved tags to filter by
    top_ten: list[Entry]
    votes_left: int | None  # budget voting only


@dataclass(frozen=True)
class Board:
    """Prizes, the winners as announced to everyone, top contributors, the results."""

    prizes: list[Prize]
    winners: list[Winner]
    contributors: list[Ranked]
    results: list[ResultRow]  # by final score, for campaigns with a jury


@dataclass(frozen=True)
class TakePart:
    """How this viewer takes part: what the entry form must ask, their team, the teams."""

    needs_rules: bool
    missing: dict[str, str]  # personal details the campaign needs, with why
    countries: list[tuple[str, str]]
    offered_tags: list[Tag]
    my_team: Team | None
    is_judge: bool
    teams: list[Team]  # team challenges only


@dataclass(frozen=True)
class Remix:
    """Remix challenges (and team challenges with a kit): the kit, what a remix may credit,
    and the family tree; empty for other kinds."""

    kit: list[KitAsset]
    remixable: list[Entry]
    tree: list[TreeNode]


@dataclass(frozen=True)
class Page:
    """What the page of any campaign shows."""

    campaign: Campaign  # with its organization and cover
    can_manage: bool
    phases: tuple[str, ...]  # its kind's phases after draft
    follow: follows.FollowState
    story: story_images.Story


@dataclass(frozen=True)
class CampaignPage(Page):
    """The page of a campaign of entries: idea, remix and team challenges."""

    take_part: TakePart
    remix: Remix
    gallery: Gallery
    board: Board


@dataclass(frozen=True)
class FundraiserPage(Page):
    fundraiser: fundraiser_parts.FundraiserView


@dataclass(frozen=True)
class CampaignSummary:
    """What the API says of a campaign: it, its prizes and a fundraiser's progress."""

    campaign: Campaign
    prizes: list[Prize]
    progress: Progress | None


@dataclass(frozen=True)
class Winners:
    campaign: Campaign
    winners: list[Winner]
    jury_visible: bool  # the viewer may see the jury's and final scores


async def visible(viewer: User | None, slug: str) -> Campaign:
    """The campaign, if `viewer` may see it (a draft only for its managers), else NotFound."""
    return await campaigns.view_campaign(viewer, slug)


async def entry_campaign(viewer: User | None, slug: str) -> Campaign:
    """A campaign of entries `viewer` may see; a fundraiser answers Conflict (no entries)."""
    campaign = await visible(viewer, slug)
    phases.require_entry_kind(campaign, "entries")
    return campaign


async def campaign_page(viewer: User | None, storage: Storage, slug: str,
                        query: GalleryQuery | None = None) -> CampaignPage | FundraiserPage:
    """Everything the campaign's page shows `viewer`."""
    return await page_of(viewer, storage, await visible(viewer, slug), query or GalleryQuery())


async def page_of(viewer: User | None, storage: Storage, campaign: Campaign,
                  query: GalleryQuery) -> CampaignPage | FundraiserPage:
    """The page of a campaign `viewer` may see (as `visible` gave it)."""
    common = {  # what every Page has
        "campaign": campaign, "can_manage": await campaigns.can_manage(viewer, campaign),
        "phases": phases.phases_of(campaign)[1:],
        "follow": await follows.campaign_state(viewer, campaign),
        "story": await story_images.story(storage, campaign),
    }
    if campaign.kind == fundraisers.KIND:
        return FundraiserPage(**common, fundraiser=await fundraiser_parts.view(viewer, campaign))
    return CampaignPage(
        **common, take_part=await take_part(viewer, campaign),
        remix=await remix_part(viewer, campaign), gallery=await gallery(viewer, campaign, query),
        board=await board(viewer, campaign),
    )


async def take_part(viewer: User | None, campaign: Campaign) -> TakePart:
    if viewer is None:
        needs_rules, missing = eligibility.needs_rules(campaign), {}
    else:
        needs_rules = not await eligibility.has_accepted(viewer, campaign)
        missing = eligibility.missing_details(viewer, campaign)
    return TakePart(
        needs_rules=needs_rules, missing=missing, countries=eligibility.country_choices(),
        offered_tags=await tags.offered(viewer, campaign) if viewer else [],
        my_team=await teams.team_of(viewer, campaign),
        is_judge=await jury.judge_of(viewer, campaign) is not None,
        teams=await teams.campaign_teams(campaign) if campaign.kind == "team" else [],
    )


async def remix_part(viewer: User | None, campaign: Campaign) -> Remix:
    if campaign.kind not in remix.KIT_KINDS:
        return Remix([], [], [])
    return Remix(
        kit=await remix.kit(campaign),
        remixable=await entries.leaderboard(campaign.slug, limit=REMIXABLE, viewer=viewer),
        tree=await remix.family_tree(campaign),
    )


async def entry_cards(viewer: User | None, campaign: Campaign,
                      query: GalleryQuery) -> EntryCards:
    """One page of the gallery ("load more" asks for the next one)."""
    found = await entries.list_entries(campaign.slug, query.sort, query.cursor, viewer=viewer,
                                       tag=query.tag)
    manager = await campaigns.can_manage(viewer, campaign)
    return EntryCards(
        query=query, entries=found.entries, next_cursor=found.next_cursor,
        voted_ids=await voting.voted_entry_ids(viewer, [e.id for e in found.entries]),
        own_ids=await voting.own_entry_ids(viewer, found.entries),
        winner_ids=await prizes.winning_entry_ids(campaign),
        tags_by_entry=await tags.for_entries(viewer, found.entries, manager=manager),
    )


async def gallery(viewer: User | None, campaign: Campaign, query: GalleryQuery) -> Gallery:
    """The gallery: its tag filters, the top ten, the votes left and a page of cards."""
    return Gallery(
        cards=await entry_cards(viewer, campaign, query), tags=await tags.approved(campaign),
        top_ten=await entries.leaderboard(campaign.slug, limit=TOP_TEN, viewer=viewer),
        votes_left=await voting.votes_left(viewer, campaign),
    )


async def board(viewer: User | None, campaign: Campaign) -> Board:
    """The page shows winners once they are announced, to everyone alike; managers see
    their picks before that on the manage page."""
    return Board(
        prizes=await prizes.list_prizes(campaign), winners=await prizes.winners(None, campaign),
        contributors=await scores.campaign_ranking(viewer, campaign.slug,
                                                   limit=TOP_CONTRIBUTORS),
        results=await jury_views.results_board(campaign),
    )


async def summary(viewer: User | None, slug: str) -> CampaignSummary:
    """`GET /api/v1/campaigns/{c}`: the campaign if the viewer may see it, as its page does."""
    return await summary_of(await visible(viewer, slug))


async def summary_of(campaign: Campaign) -> CampaignSummary:
    progress = (await fundraisers.current_progress(campaign)
                if campaign.kind == fundraisers.KIND else None)
    return CampaignSummary(campaign, await prizes.list_prizes(campaign), progress)


async def winners(viewer: User | None, slug: str) -> Winners:
    """The winners by prize rank: public once the results are out, and for the managers
    while they pick them."""
    campaign = await visible(viewer, slug)
    return Winners(campaign, await prizes.winners(viewer, campaign),
                   await jury_views.scores_visible(viewer, campaign))
