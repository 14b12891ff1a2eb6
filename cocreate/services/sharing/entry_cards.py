"""An entry's own share card: its title, author, picture, campaign and votes so far.

The card is drawn when the entry is published and again each time its vote count reaches a
milestone (1, 10, 25, 50, 100, 250, 500, 1000, then every 1000), so what a shared link
shows stays roughly current without a render per vote. Entry.card_milestone records the
milestone last queued; moving it is a conditional UPDATE in the vote's transaction, so
however many votes arrive at once, one job is queued per milestone.
"""

from __future__ import annotations

from cocreate.doors import jobs
from cocreate.doors.storage import Storage
from cocreate.lib import urls
from cocreate.lib.cards import CardContent
from cocreate.models import CampaignKind, Entry, EntryStatus, Media
from cocreate.services.badges import badges
from cocreate.services.core import events
from cocreate.services.lineage import lineage
from cocreate.services.media.media import still_key
from cocreate.services.sharing import share_cards

RENDER_JOB = "sharing.entry_card"
MILESTONES = (1, 10, 25, 50, 100, 250, 500, 1000)
KIND_LABELS = {CampaignKind.IDEA: "Idea", CampaignKind.REMIX: "Remix",
               CampaignKind.TEAM: "Team entry"}
# Only what og:image needs: the card is drawn again at every milestone. (The renderer lays
# entry cards out for the square and story formats too, should a page offer them.)
FORMATS = ("og",)
RENDER_ATTEMPTS = 3  # the last one stores what it drew, however the count moved meanwhile


def milestone(vote_count: int) -> int:
    """The highest milestone `vote_count` has reached (0 below the first)."""
    if vote_count >= MILESTONES[-1]:
        return vote_count // 1000 * 1000
    return max((m for m in MILESTONES if m <= vote_count), default=0)


async def _enqueue(entry_id: str, reached: int) -> None:
    await jobs.enqueue(RENDER_JOB, {"entry_id": entry_id}, key=f"entry-card:{entry_id}:{reached}")


async def on_published(entry: Entry) -> None:
    """Queue the entry's first card (inside the transaction that publishes it)."""
    await _enqueue(entry.id, entry.card_milestone)


async def redraw(entry_id: str, stamp: int) -> None:
    """Draw the card again after its author changed the title (inside that transaction)."""
    await jobs.enqueue(RENDER_JOB, {"entry_id": entry_id}, key=f"entry-card:{entry_id}:e{stamp}")


async def refresh_on_votes(entry_id: str, vote_count: int | None = None) -> None:
    """Queue a new card when the count reaches a milestone the card does not show yet.

    Call inside the vote's transaction, after the total moved; without `vote_count` the
    total is read there (the row is locked by that update, so the value is this vote's).
    """
    if vote_count is None:
        row = await Entry.get_or_none(id=entry_id).only("id", "vote_count")
        if row is None:
            return
        vote_count = row.vote_count
    reached = milestone(vote_count)
    if reached and await Entry.filter(id=entry_id, card_milestone__lt=reached).update(
        card_milestone=reached
    ):
        await _enqueue(entry_id, reached)
        if reached in badges.CROWD_FAVOURITE_LEVELS:
            await events.votes_reached(entry_id, reached)


def votes_line(vote_count: int) -> str:
    if vote_count <= 0:
        return ""
    return f"{vote_count:,} vote" if vote_count == 1 else f"{vote_count:,} votes"


async def content_of(storage: Storage, entry: Entry, base_url: str = "") -> CardContent:
    """What the card shows (`entry` with campaign__org, author, media and team loaded); with
    the site's `base_url`, the entry's short link too."""
    org = entry.campaign.org
    return CardContent(
        badge_label=KIND_LABELS.get(entry.kind, "Entry"),
        person_name=entry.team.name if entry.team else entry.author.display_name,
        campaign_title=entry.campaign.title,
        org_name=org.name,
        brand_color=org.color,
        entry_image=await share_cards.picture(storage, entry.media),
        avatar_image=None if entry.team else await share_cards.avatar(storage, entry.author),
        credit=await lineage.credit_line(entry, org.name),
        logo_image=await share_cards.logo(storage, org),
        headline=entry.title,
        stat=votes_line(entry.vote_count),
        link=urls.short_link(base_url, urls.entry_path(entry.id)) if base_url else "",
    )


async def render(storage: Storage, entry_id: str, base_url: str = "") -> None:
    """The worker's half: draw the card with the current vote count, in every format.

    The card is stored only if the count has not moved while it was drawn (else it is drawn
    again), so a slow job can never put back an older count over a newer card.
    """
    for attempt in range(RENDER_ATTEMPTS):
        entry = await Entry.get_or_none(id=entry_id).select_related(
            "campaign", "campaign__org", "author", "media", "team"
        )
        if entry is None or entry.status != EntryStatus.PUBLISHED:
            return
        keys = await share_cards.store(storage, await content_of(storage, entry, base_url),
                                       FORMATS)
        current = Entry.filter(id=entry.id)
        if attempt < RENDER_ATTEMPTS - 1:
            current = current.filter(vote_count=entry.vote_count)
        if await current.update(card_key=keys["og"]):
            return


async def image_key(entry: Entry) -> str | None:
    """The entry's stored card, else its campaign's cover (`entry` as entries.view_entry
    gives it); None when there is neither yet."""
    if entry.card_key:
        return entry.card_key
    if entry.campaign.cover_id:
        return still_key(await Media.get_or_none(id=entry.campaign.cover_id))
    return None
