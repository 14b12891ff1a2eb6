"""Following people and campaigns (whose activity shows in a person's feed) and ideas (whose
new comments and answers from the brand a person hears of).

Following is idempotent (the unique keys make a second follow a no-op, also when two
requests race) and every change answers with the new state. Drafts can be followed only by
those who may see them, and nobody follows themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.doors import jobs
from cocreate.lib import urls
from cocreate.lib.errors import Invalid
from cocreate.models import (
    Campaign,
    CampaignPhase,
    Comment,
    CommentStatus,
    Entry,
    Follow,
    NotificationKind,
    User,
)
from cocreate.services.accounts import accounts
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.entries import entries
from cocreate.services.notifications import notifications

COMMENT_JOB = "conversation.follow_comment"


@dataclass(frozen=True)
class FollowState:
    following: bool
    followers: int


async def follow_user(actor: User, handle: str) -> FollowState:
    person = await accounts.get_by_handle(handle)
    if person.id == actor.id:
        raise Invalid("You can't follow yourself.", {"handle": "You can't follow yourself."})
    await Follow.bulk_create([Follow(follower_id=actor.id, user_id=person.id)],
                             ignore_conflicts=True)
    return await user_state(actor, person)


async def unfollow_user(actor: User, handle: str) -> FollowState:
    person = await accounts.get_by_handle(handle)
    await Follow.filter(follower_id=actor.id, user_id=person.id).delete()
    return await user_state(actor, person)


async def follow_campaign(actor: User, slug: str) -> FollowState:
    campaign = await campaigns.view_campaign(actor, slug)
    await Follow.bulk_create([Follow(follower_id=actor.id, campaign_id=campaign.id)],
                             ignore_conflicts=True)
    return await campaign_state(actor, campaign)


async def unfollow_campaign(actor: User, slug: str) -> FollowState:
    """Anyone may stop following, also a campaign that went back to draft since."""
    campaign = await campaigns.get_campaign(slug)
    removed = await Follow.filter(follower_id=actor.id, campaign_id=campaign.id).delete()
    if not removed:
        campaign = await campaigns.view_campaign(actor, slug)  # drafts stay unknown
    return await campaign_state(actor, campaign)


async def follow_entry(actor: User, entry_id: str) -> FollowState:
    entry = await entries.view_entry(actor, entry_id)
    await Follow.bulk_create([Follow(follower_id=actor.id, entry_id=entry.id)],
                             ignore_conflicts=True)
    return await entry_state(actor, entry)


async def unfollow_entry(actor: User, entry_id: str) -> FollowState:
    entry = await entries.view_entry(actor, entry_id)
    await Follow.filter(follower_id=actor.id, entry_id=entry.id).delete()
    return await entry_state(actor, entry)


async def entry_state(viewer: User | None, entry: Entry) -> FollowState:
    following = viewer is not None and await Follow.exists(follower_id=viewer.id,
                                                           entry_id=entry.id)
    return FollowState(following, await Follow.filter(entry_id=entry.id).count())


async def entry_followers(entry_id: str) -> list[str]:
    return list(await Follow.filter(entry_id=entry_id).values_list("follower_id", flat=True))


async def entry_merged(entry_id: str, into_id: str) -> None:
    """Those who followed a merged idea follow the idea it went into (inside the merge)."""
    followers = await entry_followers(entry_id)
    await Follow.bulk_create([Follow(follower_id=person, entry_id=into_id)
                              for person in followers], ignore_conflicts=True)
    await Follow.filter(entry_id=entry_id).delete()


async def commented(comment: Comment, told: set[str]) -> None:
    """Queue telling the entry's followers of a new comment (inside its transaction); those in
    `told` already heard of it as its author, the one answered, the entry's author or
    someone mentioned."""
    await jobs.enqueue(COMMENT_JOB, {"comment_id": comment.id, "told": sorted(told)},
                       key=f"follow-comment:{comment.id}")


async def tell_entry_followers(comment_id: str, told: list[str]) -> None:
    """The worker's half: one notification per follower, each once (by its key)."""
    comment = await Comment.get_or_none(id=comment_id).select_related("author", "entry")
    if comment is None or comment.status != CommentStatus.VISIBLE:
        return
    entry = comment.entry
    where = f"{urls.entry_path(entry.id)}#comment-{comment.id}"
    text = (f"{comment.author.display_name} commented on “{entry.title}”, "
            "which you follow.")
    for person in set(await entry_followers(entry.id)) - set(told):
        await notifications.notify(person, NotificationKind.COMMENT, text, where,
                                   f"follow-comment:{comment.id}:{person}")


async def is_following_user(viewer: User | None, person: User) -> bool:
    return viewer is not None and await Follow.exists(follower_id=viewer.id, user_id=person.id)


async def is_following_campaign(viewer: User | None, campaign: Campaign) -> bool:
    return viewer is not None and await Follow.exists(follower_id=viewer.id,
                                                      campaign_id=campaign.id)


async def user_followers(person: User) -> int:
    """A COUNT on the indexed foreign key: fine for one profile header."""
    return await Follow.filter(user_id=person.id).count()


async def campaign_followers(campaign: Campaign) -> int:
    return await Follow.filter(campaign_id=campaign.id).count()


async def user_state(viewer: User | None, person: User) -> FollowState:
    return FollowState(await is_following_user(viewer, person), await user_followers(person))


async def campaign_state(viewer: User | None, campaign: Campaign) -> FollowState:
    return FollowState(await is_following_campaign(viewer, campaign),
                       await campaign_followers(campaign))


async def followed_people(viewer: User, limit: int = 100) -> list[User]:
    """Whom `viewer` follows, most recently followed first."""
    follows = await Follow.filter(follower_id=viewer.id, user_id__not_isnull=True).order_by(
        "-created_at").limit(limit).select_related("user")
    return [follow.user for follow in follows]


async def followed_campaigns(viewer: User, limit: int = 100) -> list[Campaign]:
    """The campaigns `viewer` follows and may see, most recently followed first."""
    follows = await Follow.filter(
        follower_id=viewer.id, campaign_id__not_isnull=True,
    ).exclude(campaign__phase=CampaignPhase.DRAFT).order_by("-created_at").limit(limit).select_related(
        "campaign", "campaign__org")
    return [follow.campaign for follow in follows]



async def suggested_campaigns(viewer: User, limit: int = 6) -> list[Campaign]:
    """Open campaigns `viewer` does not follow yet, for an empty feed."""
    followed = Follow.filter(follower_id=viewer.id, campaign_id__not_isnull=True)
    ids = set(await followed.values_list("campaign_id", flat=True))
    return [c for c in await campaigns.open_campaigns(limit=min(limit + len(ids), 200))
            if c.id not in ids][:limit]


async def tell_followers(campaign_id: str, phase: str, stamp: int) -> None:
    """The worker's half: one notification per follower (each once, by its key)."""
    campaign = await Campaign.get_or_none(id=campaign_id)
    if campaign is None:
        return
    text = f"“{campaign.title}” moved to {phases.LABELS[phase].lower()}."
    followers = await Follow.filter(campaign_id=campaign_id).values_list("follower_id",
                                                                         flat=True)
    for follower_id in followers:
        await notifications.notify(follower_id, NotificationKind.PHASE, text,
                                   urls.campaign_path(campaign.slug),
                                   key=f"phase:{campaign_id}:{phase}:{stamp}:{follower_id}")
