"""The power-user ranking managers read: fans by influence, by conversation or by the votes
their entries received, with the reasons in words, offset-paginated on the stored scores'
(org, score) indexes. A power user is in the top of any of the three: the same people the
acknowledgement inbox marks."""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.lib.errors import Invalid
from cocreate.lib.text import counted
from cocreate.models import Ambassador, Media, MediaStatus, OrgScore, PowerScore, User
from cocreate.services.influence import power_scores
from cocreate.services.orgs import orgs
from cocreate.services.reach import reach

PAGE_SIZE = 25
MAX_PAGE = 400
RANKINGS = {"influence": "Influence", "conversation": "Conversation",
            "votes": "Votes received"}
TOP = 50  # how many of each ranking count as the organization's power users


@dataclass(frozen=True)
class PowerUser:
    rank: int
    user: User
    avatar: Media | None
    score: int
    reasons: str
    ambassador: bool


@dataclass(frozen=True)
class PowerPage:
    by: str
    page: int
    rows: list[PowerUser]
    has_next: bool
    ambassadors: list[Ambassador]  # with their people, newest first


async def ranking(actor: User, org_slug: str, by: str | None = "influence", page: int = 1,
                  limit: int = PAGE_SIZE) -> PowerPage:
    """One page of the organization's fans with a score above zero (managers only)."""
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    by = by or "influence"
    if by not in RANKINGS:
        raise Invalid("Rank by influence, conversation or votes.",
                      {"by": "Use influence, conversation or votes."})
    if not 1 <= page <= MAX_PAGE:
        raise Invalid("There is no such page.", {"page": f"Use a page from 1 to {MAX_PAGE}."})
    model = OrgScore if by == "votes" else PowerScore
    found = await model.filter(org=org, **{f"{by}__gt": 0}).select_related("user") \
        .order_by(f"-{by}", "user_id").offset((page - 1) * limit).limit(limit + 1)
    named = await Ambassador.filter(org=org).select_related("user").order_by("-created_at")
    marked = {row.user_id for row in named}
    avatars = await _avatars([row.user for row in found[:limit]])
    raised = await reach.raised_by(org.id, [row.user_id for row in found[:limit]
                                            if row.raised]) if by == "influence" else {}
    rows = [PowerUser((page - 1) * limit + n, row.user, avatars.get(row.user_id),
                      getattr(row, by), _reasons(row, by, raised.get(row.user_id, "")),
                      row.user_id in marked)
            for n, row in enumerate(found[:limit], start=1)]
    return PowerPage(by, page, rows, len(found) > limit, named)


def _reasons(row: PowerScore | OrgScore, by: str, raised: str) -> str:
    if isinstance(row, OrgScore):
        return f"{counted(row.votes, 'vote')} on their entries"
    return power_scores.reasons(row, by, raised)


async def _avatars(people: list[User]) -> dict[str, Media]:
    wanted = {p.avatar_media_id: p.id for p in people if p.avatar_media_id}
    media = await Media.filter(id__in=list(wanted), status=MediaStatus.READY) if wanted else []
    return {wanted[m.id]: m for m in media}


async def power_user_ids(org_id: str) -> set[str]:
    """The organization's top fans: by votes their entries received, by influence and by
    conversation (each ranking's TOP, one indexed read each): those the rankings list first."""
    found: set[str] = set()
    for model, field in ((OrgScore, "votes"), (PowerScore, "influence"),
                         (PowerScore, "conversation")):
        found.update(await model.filter(org_id=org_id, **{f"{field}__gt": 0})
                     .order_by(f"-{field}").limit(TOP).values_list("user_id", flat=True))
    return found
