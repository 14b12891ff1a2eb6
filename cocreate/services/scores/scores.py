"""Contributor rankings: the votes people received, per campaign and per organization.

The totals live on their own rows and move in the transaction that moves a vote (and, for a
team entry, when someone joins or leaves the team), so a ranking is one indexed read. A team
entry's votes count for every member of the team.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import F

from cocreate.models import Campaign, CampaignScore, Entry, OrgScore, TeamMember, User
from cocreate.services.campaigns import campaigns
from cocreate.services.orgs import orgs

RANKING_SIZE = 20


@dataclass(frozen=True)
class Ranked:
    rank: int
    user: User
    votes: int


async def credited(entry: Entry) -> list[str]:
    """Who an entry's votes count for: its team's members, or its author."""
    if entry.team_id:
        return list(await TeamMember.filter(team_id=entry.team_id)
                    .values_list("user_id", flat=True))
    return [entry.author_id]


async def add(entry: Entry, delta: int, user_ids: list[str] | None = None) -> None:
    """Move the scores of the people credited for `entry` (inside the vote's transaction)."""
    people = user_ids if user_ids is not None else await credited(entry)
    if not people or not delta:
        return
    campaign = await Campaign.get(id=entry.campaign_id).only("id", "org_id")
    await CampaignScore.bulk_create(
        [CampaignScore(campaign_id=campaign.id, user_id=p) for p in people],
        ignore_conflicts=True)
    await OrgScore.bulk_create(
        [OrgScore(org_id=campaign.org_id, user_id=p) for p in people], ignore_conflicts=True)
    await CampaignScore.filter(campaign_id=campaign.id, user_id__in=people).update(
        votes=F("votes") + delta)
    await OrgScore.filter(org_id=campaign.org_id, user_id__in=people).update(
        votes=F("votes") + delta)


def _ranked(rows: list) -> list[Ranked]:  # type: ignore[type-arg]
    """Rank 1, 2, 2, 4 ...: equal votes share a rank."""
    ranked: list[Ranked] = []
    for position, row in enumerate(rows, start=1):
        rank = ranked[-1].rank if ranked and ranked[-1].votes == row.votes else position
        ranked.append(Ranked(rank, row.user, row.votes))
    return ranked


async def campaign_ranking(viewer: User | None, campaign_slug: str,
                           limit: int = RANKING_SIZE) -> list[Ranked]:
    campaign = await campaigns.view_campaign(viewer, campaign_slug)
    rows = await CampaignScore.filter(campaign=campaign, votes__gt=0).select_related("user") \
        .order_by("-votes", "user__display_name").limit(limit)
    return _ranked(rows)


async def org_ranking(org_slug: str, limit: int = RANKING_SIZE) -> list[Ranked]:
    org = await orgs.get_org(org_slug)
    rows = await OrgScore.filter(org=org, votes__gt=0).select_related("user") \
        .order_by("-votes", "user__display_name").limit(limit)
    return _ranked(rows)
