"""Teams for team challenges: forming one, joining by invite link or by request, the
captain's powers, and who may submit for the team.

Invariants, kept by the database as well as by these rules: one team per person per campaign
(a unique pair), never more members than the campaign allows (a conditional update of the
member count), one entry per team (a one-to-one link).
"""

from __future__ import annotations

import secrets

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import (
    Campaign,
    CampaignKind,
    Entry,
    EntryStatus,
    JoinRequest,
    JoinRequestStatus,
    Team,
    TeamMember,
    User,
)
from cocreate.services.accounts import accounts
from cocreate.services.badges import badges
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.core.validation import FieldErrors
from cocreate.services.scores import scores

TEAM_KIND = CampaignKind.TEAM


def _new_invite_code() -> str:
    return secrets.token_urlsafe(12)


def _require_team_campaign(campaign: Campaign) -> None:
    if campaign.kind != TEAM_KIND:
        raise Invalid("This campaign takes entries from individuals, not teams.")


def _require_forming(campaign: Campaign) -> None:
    """Teams form and change while the campaign takes entries."""
    if not phases.takes_entries(campaign):
        raise Forbidden("Teams can only form and change while the campaign takes entries.")


async def get_team(team_id: str) -> Team:
    team = await Team.get_or_none(id=team_id).select_related(
        "campaign", "campaign__org", "captain")
    if team is None:
        raise NotFound("There is no team at this address.")
    return team


async def by_invite_code(code: str | None) -> Team:
    """The team an invite link leads to; a code replaced by a new link leads nowhere."""
    team = await Team.get_or_none(invite_code=(code or "").strip()).select_related(
        "campaign", "campaign__org", "captain")
    if team is None:
        raise NotFound("This invite link is not valid (any more). Ask the captain for a new one.")
    return team


async def team_entry(team: Team) -> Entry | None:
    """The entry the team submitted, whatever its status: a team submits once."""
    return await Entry.get_or_none(team_id=team.id)


async def members(team: Team) -> list[User]:
    rows = await TeamMember.filter(team=team).select_related("user").order_by("joined_at")
    return [row.user for row in rows]


async def team_of(user: User | None, campaign: Campaign) -> Team | None:
    if user is None:
        return None
    membership = await TeamMember.get_or_none(campaign=campaign, user=user)
    return await get_team(membership.team_id) if membership else None


async def is_member(user: User | None, team_id: str | None) -> bool:
    if user is None or team_id is None:
        return False
    return await TeamMember.exists(team_id=team_id, user=user)


async def teams_joined(user: User, team_ids: set[str]) -> set[str]:
    """Those of `team_ids` that `user` is a member of."""
    if not team_ids:
        return set()
    rows = await TeamMember.filter(user=user, team_id__in=team_ids).values_list("team_id",
                                                                             flat=True)
    return set(rows)


async def campaign_teams(campaign: Campaign) -> list[Team]:
    return await Team.filter(campaign=campaign).select_related("captain").order_by("created_at")


async def create_team(actor: User, campaign_slug: str, name: str | None) -> Team:
    campaign = await campaigns.view_campaign(actor, campaign_slug)
    _require_team_campaign(campaign)
    _require_forming(campaign)
    errors = FieldErrors()
    name = errors.text("name", name, label="Team name", min_len=2, max_len=80)
    errors.raise_if_any()
    try:
        async with in_transaction():
            team = await Team.create(campaign=campaign, name=name, captain=actor,
                                     invite_code=_new_invite_code(), member_count=1)
            await TeamMember.create(team=team, campaign=campaign, user=actor)
    except IntegrityError as error:
        if await TeamMember.exists(campaign=campaign, user=actor):
            raise Conflict("You are already in a team for this campaign.") from error
        raise Conflict("Another team has that name.", {"name": "Choose another name."}) \
            from error
    return await get_team(team.id)


async def _add_member(team: Team, person: User) -> None:
    """Inside a transaction: take a free place, then the member row (one team per person)."""
    campaign = team.campaign
    took_place = await Team.filter(
        id=team.id, member_count__lt=campaign.team_max_size
    ).update(member_count=F("member_count") + 1)
    if not took_place:
        raise Conflict(f"{team.name} is full ({campaign.team_max_size} members).")
    try:
        await TeamMember.create(team=team, campaign=campaign, user=person)
    except IntegrityError as error:
        raise Conflict("You are already in a team for this campaign.") from error
    await credit_entry(team, [person])
    entry = await Entry.get_or_none(team_id=team.id)
    if entry is not None:  # the team's votes count for its new member too
        await scores.add(entry, entry.vote_count, [person.id])


async def join_with_code(actor: User, code: str | None) -> Team:
    team = await by_invite_code(code)
    _require_forming(team.campaign)
    if await is_member(actor, team.id):
        return team
    async with in_transaction():
        await _add_member(team, actor)
        await JoinRequest.filter(team=team, user=actor, status=JoinRequestStatus.PENDING).update(
            status=JoinRequestStatus.ACCEPTED)
    return await get_team(team.id)


async def request_to_join(actor: User, team_id: str) -> JoinRequest:
    team = await get_team(team_id)
    _require_forming(team.campaign)
    if await team_of(actor, team.campaign) is not None:
        raise Conflict("You are already in a team for this campaign.")
    found, created = await JoinRequest.get_or_create(team=team, user=actor)
    if not created and found.status == JoinRequestStatus.DECLINED:
        raise Conflict("The captain declined your request to join this team.")
    return found


async def pending_requests(team: Team) -> list[JoinRequest]:
    return await JoinRequest.filter(team=team, status=JoinRequestStatus.PENDING) \
        .select_related("user").order_by("created_at")


async def _require_captain(actor: User, team: Team) -> None:
    if team.captain_id != actor.id:
        raise Forbidden("Only the team's captain can do this.")


async def answer_request(actor: User, team_id: str, request_id: str, accept: bool) -> Team:
    team = await get_team(team_id)
    await _require_captain(actor, team)
    _require_forming(team.campaign)
    request = await JoinRequest.get_or_none(
        id=request_id, team=team, status=JoinRequestStatus.PENDING).select_related("user")
    if request is None:
        raise NotFound("There is no such request waiting.")
    async with in_transaction():
        if accept:
            await _add_member(team, request.user)
        await JoinRequest.filter(id=request.id, status=JoinRequestStatus.PENDING).update(
            status=JoinRequestStatus.ACCEPTED if accept else JoinRequestStatus.DECLINED)
    return await get_team(team.id)


async def remove_member(actor: User, team_id: str, handle: str) -> Team:
    """The captain removes someone, or a member leaves. The captain hands over first."""
    team = await get_team(team_id)
    _require_forming(team.campaign)
    person = await accounts.get_by_handle(handle)
    if person.id != actor.id:
        await _require_captain(actor, team)
    if person.id == team.captain_id:
        raise Conflict("The captain can't leave: make someone else captain first.")
    async with in_transaction():
        removed = await TeamMember.filter(team=team, user=person).delete()
        if not removed:
            raise NotFound(f"{person.display_name} is not in this team.")
        await Team.filter(id=team.id).update(member_count=F("member_count") - 1)
        entry = await Entry.get_or_none(team_id=team.id)
        if entry is not None:
            await scores.add(entry, -entry.vote_count, [person.id])
    return await get_team(team.id)


async def transfer_captaincy(actor: User, team_id: str, handle: str) -> Team:
    team = await get_team(team_id)
    await _require_captain(actor, team)
    person = await accounts.get_by_handle(handle)
    if not await is_member(person, team.id):
        raise Invalid("Only a member can become captain.", {"handle": "Pick a team member."})
    await Team.filter(id=team.id, captain_id=actor.id).update(captain_id=person.id)
    return await get_team(team.id)


async def new_invite_code(actor: User, team_id: str) -> Team:
    """A new invite link; the old one stops working."""
    team = await get_team(team_id)
    await _require_captain(actor, team)
    await Team.filter(id=team.id).update(invite_code=_new_invite_code())
    return await get_team(team.id)


async def team_for_submission(actor: User, campaign: Campaign) -> Team | None:
    """The team an entry to `campaign` is submitted for (None outside team challenges)."""
    if campaign.kind != TEAM_KIND:
        return None
    team = await team_of(actor, campaign)
    if team is None:
        raise Forbidden("This is a team challenge: create or join a team first.")
    if team.member_count < campaign.team_min_size:
        missing = campaign.team_min_size - team.member_count
        raise Forbidden(f"{team.name} needs {missing} more member(s) before it can submit "
                        f"(at least {campaign.team_min_size}).")
    return team


async def credit_entry(team: Team, people: list[User] | None = None) -> None:
    """Co-authors earn what the team's entry earns: the Contributor and Team player badges,
    once the entry is public (inside the transaction of the change)."""
    entry = await Entry.get_or_none(team_id=team.id, status=EntryStatus.PUBLISHED)
    if entry is None:
        return
    campaign = await Campaign.get(id=team.campaign_id)
    for person in people if people is not None else await members(team):
        await badges.award(person, badges.CONTRIBUTOR, campaign, entry)
        await badges.award(person, badges.TEAM_PLAYER, campaign, entry)
