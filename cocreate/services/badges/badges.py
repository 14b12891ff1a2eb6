"""Badges: the catalog, and awarding a badge once per person, badge and campaign.

An award is written in the transaction of the event that earned it
(services/recognition/badge_rules.py decides which), queues its share card
(services/sharing/award_cards.py) and tells its person. The unique key (person, badge, campaign)
makes awarding idempotent, also when two workers handle the same event at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.doors import jobs
from cocreate.lib import urls
from cocreate.lib.errors import NotFound
from cocreate.lib.ids import new_id
from cocreate.models import ActivityKind, Award, Campaign, Entry, NotificationKind, OrgBadge, User
from cocreate.services.notifications import activity, notifications

RENDER_JOB = "sharing.award_card"  # services/sharing/award_cards.py renders the cards
AWARD_RELATED = ("user", "campaign", "campaign__org", "entry", "org_badge")


@dataclass(frozen=True)
class BadgeKind:
    key: str
    label: str
    description: str  # what the person did: {org}, {campaign} and {count} are filled in
    criteria: str  # how anyone earns it
    count: int = 0  # the milestone, for the badges that have levels


def _levels(key: str, label: str, description: str, criteria: str,
            counts: tuple[int, ...]) -> list[BadgeKind]:
    return [BadgeKind(f"{key}-{n}", label if i == 0 else f"{label} ×{n}", description,
                      criteria.format(count=n), n) for i, n in enumerate(counts)]


CONTRIBUTOR = "contributor"
TEAM_PLAYER = "team-player"
FINALIST = "finalist"
WINNER = "winner"
JURY_PICK = "jury-pick"
RECOGNIZED = "recognized"
CONVERSATION_STARTER = "conversation-starter"
AMBASSADOR = "ambassador"  # once per organization (services/recognition/ambassadors.py)
SUPPORTER = "supporter"  # gave to a fundraiser (services/recognition/gift_badges.py)
FUNDRAISER = "fundraiser"  # friends gave through their share links
REMIXED_LEVELS = (1, 5, 25)
CROWD_FAVOURITE_LEVELS = (10, 100, 1000)

CATALOG: dict[str, BadgeKind] = {kind.key: kind for kind in [
    BadgeKind(CONTRIBUTOR, "Contributor", "Shared an entry with {org} in “{campaign}”.",
              "Submit an entry to a campaign."),
    BadgeKind(TEAM_PLAYER, "Team player", "Built a team entry together in “{campaign}”.",
              "Be a member of a team whose entry is published."),
    BadgeKind(FINALIST, "Finalist", "One of the top entries of “{campaign}” when voting closed.",
              "Have one of a campaign's ten most voted entries when its voting closes."),
    BadgeKind(WINNER, "Winner", "Won a prize in “{campaign}” by {org}.",
              "Have an entry picked for a prize."),
    BadgeKind(RECOGNIZED, "Recognized", "{org} thanked you by name for your part in "
              "“{campaign}”.", "Be thanked personally by the organization for a contribution."),
    BadgeKind(CONVERSATION_STARTER, "Conversation starter", "Got people talking in "
              "“{campaign}”: others answered your comments.",
              "Receive five replies from others to your comments in a campaign."),
    BadgeKind(AMBASSADOR, "Ambassador", "{org} named you one of its ambassadors: you bring "
              "people and conversation to its campaigns.",
              "Be named an ambassador by an organization, for the people and the "
              "conversation you bring to it."),
    BadgeKind(SUPPORTER, "Supporter", "Gave to “{campaign}” by {org}.",
              "Give to a fundraiser in your own name."),
    BadgeKind(FUNDRAISER, "Fundraiser", "Raised money for “{campaign}” by {org}: friends "
              "gave through your share links.",
              "Share a fundraiser until friends give its organization's set amount through "
              "your links (100 in its currency, unless the organization chose another)."),
    BadgeKind(JURY_PICK, "Jury pick", "Among the jury’s top picks in “{campaign}”.",
              "Have one of the three entries the jury scored highest."),
    *_levels("remixed", "Remixed", "Others built on your work in “{campaign}”: "
             "remixed {count} times.", "Have an entry remixed {count} times.", REMIXED_LEVELS),
    *_levels("crowd-favourite", "Crowd favourite", "An entry of yours won {count} votes "
             "in “{campaign}”.", "Have an entry receive {count} votes.",
             CROWD_FAVOURITE_LEVELS),
]}


def org_badge_key(org_badge: OrgBadge) -> str:
    return f"org:{org_badge.id}"


async def award(user: User | str, badge: str, campaign: Campaign, entry: Entry | None, *,
                org_badge: OrgBadge | None = None, awarded_by: User | None = None,
                note: str = "") -> Award:
    """Award a badge once; call inside the transaction of the event that earned it."""
    user_id = user if isinstance(user, str) else user.id
    found = await Award.get_or_none(user_id=user_id, badge=badge, campaign=campaign)
    if found is not None:
        return found
    try:
        async with in_transaction():  # a savepoint: a lost race leaves the caller's work
            found = await Award.create(user_id=user_id, badge=badge, campaign=campaign,
                                       entry=entry, org_badge=org_badge,
                                       awarded_by=awarded_by, note=note)
            await jobs.enqueue(RENDER_JOB, {"award_id": found.id}, key=f"award:{found.id}")
            name = org_badge.name if org_badge else CATALOG[badge].label
            await notifications.notify(
                user_id, NotificationKind.BADGE,
                f"You earned the {name} badge in “{campaign.title}”.",
                urls.award_path(found.id), key=f"award:{found.id}")
            await _record(user, found, name, campaign)
    except IntegrityError:
        return await Award.get(user_id=user_id, badge=badge, campaign=campaign)
    return found


async def _record(user: User | str, found: Award, name: str, campaign: Campaign) -> None:
    """The award in the feeds of those who follow the person or the campaign."""
    person = user if isinstance(user, User) else await User.get(id=user).only("id",
                                                                            "display_name")
    text = (f"{person.display_name} won in “{campaign.title}”" if found.badge == WINNER
            else f"{person.display_name} earned the {name} badge in “{campaign.title}”")
    kind = ActivityKind.WINNER if found.badge == WINNER else ActivityKind.BADGE
    await activity.record(person.id, campaign.id, kind, text, urls.award_path(found.id),
                          f"award:{found.id}")


async def redraw_cards(**which: object) -> None:
    """Queue the cards of the awards matching `which` again, after their look changed (call
    inside the transaction of the change). Unchanged cards cost a storage HEAD only."""
    stamp = new_id(6)
    for award_id in await Award.filter(**which).values_list("id", flat=True):
        await jobs.enqueue(RENDER_JOB, {"award_id": award_id}, key=f"award:{award_id}:{stamp}")


async def get_award(award_id: str) -> Award:
    found = await Award.get_or_none(id=award_id).select_related(*AWARD_RELATED)
    if found is None:
        raise NotFound("There is no badge at this address.")
    return found


async def award_for_entry(entry_id: str) -> Award | None:
    """The Contributor award an entry earned, whose card is the entry's share image."""
    return (
        await Award.filter(entry_id=entry_id, badge=CONTRIBUTOR).order_by("created_at").first()
    )


async def awards_of(user: User) -> list[Award]:
    """The badges a person holds (revoked ones are no longer theirs to show)."""
    return (
        await Award.filter(user=user, revoked_at=None)
        .select_related("campaign", "campaign__org", "org_badge")
        .order_by("-created_at")
    )


def kind_of(found: Award) -> BadgeKind | None:
    return CATALOG.get(found.badge)


def label(found: Award) -> str:
    if found.org_badge_id and found.org_badge:
        return found.org_badge.name
    kind = kind_of(found)
    return kind.label if kind else found.badge.replace("-", " ").title()


def description(found: Award) -> str:
    if found.org_badge_id and found.org_badge:
        return found.org_badge.description
    kind = kind_of(found)
    template = kind.description if kind else "Earned in “{campaign}”."
    return template.format(org=found.campaign.org.name, campaign=found.campaign.title,
                           count=kind.count if kind else 0)
