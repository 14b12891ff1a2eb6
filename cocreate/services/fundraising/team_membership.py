"""The rows under fundraising teams: starting one, and moving a page between teams with its
totals. No authorization here: services/fundraising/fundraising_pages.py and fundraising_teams.py
decide who may, then call these inside their transaction.

Totals follow the page: when a page joins, leaves or changes team, its raised amount and gift
count leave the old team and reach the new one in the same transaction, so a team always counts
what its current members raised (the usual peer-to-peer choice: a fan who moves to a friend's
team brings their total along). The page row is updated first, which serializes the move with
gifts succeeding on that page (see services/fundraising/page_ledger.py), and the two team rows
are updated in id order, so two moves at once never wait on each other in a circle.
"""

from __future__ import annotations

from tortoise.expressions import F

from cocreate.lib import money
from cocreate.lib.errors import Conflict
from cocreate.lib.ids import new_id
from cocreate.lib.markdown import render_markdown
from cocreate.models import Campaign, FundraisingPage, FundraisingTeam, User
from cocreate.services.core.validation import FieldErrors, slugify

MAX_STORY = 5000


async def checked(campaign: Campaign, name: str | None, goal: int | None, story: str | None,
                  errors: FieldErrors, name_field: str = "name", team_id: str | None = None
                  ) -> tuple[str, int, str]:
    """A team's name, goal and story, validated (the name unique among the fundraiser's
    other teams); raises Invalid with every field's message."""
    name = errors.text(name_field, name, label="Team name", min_len=2, max_len=80)
    story = errors.text("story", story, label="Team story", min_len=0, max_len=MAX_STORY,
                        multiline=True)
    if goal is not None and not 0 <= goal <= money.MAX_MINOR * 100:
        errors.add("goal", "Set a team goal of zero (none) or more.")
    others = FundraisingTeam.filter(campaign_id=campaign.id, name=name)
    if name and await (others.exclude(id=team_id) if team_id else others).exists():
        errors.add(name_field, "Another team has that name; choose another.")
    errors.raise_if_any()
    return name or "", goal or 0, story or ""


async def new_team(campaign: Campaign, captain: User, name: str | None, goal: int | None,
                   story: str | None, errors: FieldErrors, name_field: str = "name"
                   ) -> FundraisingTeam:
    """Validate and create a team (with no members yet); the name's errors go to
    `name_field` (a page's form names it new_team)."""
    name, goal, story = await checked(campaign, name, goal, story, errors, name_field)
    slug = slugify(name, max_len=80) or "team"
    if await FundraisingTeam.exists(campaign_id=campaign.id, slug=slug):
        slug = f"{slug}-{new_id(4)}"
    return await FundraisingTeam.create(
        campaign=campaign, name=name, slug=slug, captain=captain, story=story,
        story_html=render_markdown(story) if story else "", goal=goal)


async def move(page: FundraisingPage, to_team_id: str | None) -> None:
    """Put `page` in another team (None: no team), its totals with it. Inside a transaction."""
    from_team_id = page.team_id
    if from_team_id == to_team_id:
        return
    still = FundraisingPage.filter(id=page.id)
    still = still.filter(team_id=from_team_id) if from_team_id else still.filter(
        team_id__isnull=True)
    if not await still.update(team_id=to_team_id):
        raise Conflict("Your page changed team meanwhile. Please reload and try again.")
    raised, gift_count = (await FundraisingPage.filter(id=page.id).values_list(
        "raised", "gift_count"))[0]
    moves = {from_team_id: -1, to_team_id: +1}
    for team_id in sorted(t for t in moves if t):
        sign = moves[team_id]
        await FundraisingTeam.filter(id=team_id).update(
            raised=F("raised") + sign * raised, gift_count=F("gift_count") + sign * gift_count,
            member_count=F("member_count") + sign)
    page.team_id = to_team_id
