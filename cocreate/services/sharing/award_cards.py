"""Award share cards: the worker's half of a badge, rendered and stored by content."""

from __future__ import annotations

from cocreate.doors.storage import Storage
from cocreate.lib.cards import CardContent
from cocreate.models import Award, CardStatus, Media
from cocreate.services.badges import badges
from cocreate.services.lineage import lineage
from cocreate.services.sharing import profile_cards, share_cards


async def content_of(storage: Storage, found: Award) -> CardContent:
    """What the award's card shows (`found` with badges.AWARD_RELATED and entry__media)."""
    org = found.campaign.org
    entry = found.entry
    picture = await share_cards.picture(storage, entry.media if entry else None)
    if picture is None and found.org_badge_id and found.org_badge.artwork_id:
        # An organization's own badge shows its artwork where an entry would show its image
        picture = await share_cards.picture(
            storage, await Media.get_or_none(id=found.org_badge.artwork_id))
    return CardContent(
        badge_label=badges.label(found),
        person_name=found.user.display_name,
        campaign_title=found.campaign.title,
        org_name=org.name,
        brand_color=org.color,
        entry_image=picture,
        avatar_image=await share_cards.avatar(storage, found.user),
        credit=await lineage.credit_line(entry, org.name) if entry else "",
        logo_image=await share_cards.logo(storage, org),
    )


async def render(storage: Storage, award_id: str) -> None:
    """The worker's half: render the card in every format under content-derived keys, then
    refresh the person's profile card, which counts their badges. Idempotent."""
    found = await Award.get_or_none(id=award_id).select_related(
        *badges.AWARD_RELATED, "entry__media"
    )
    if found is None:
        return
    keys = await share_cards.store(storage, await content_of(storage, found))
    await Award.filter(id=found.id).update(status=CardStatus.READY, image_key=keys["og"],
                                           card_keys=keys)
    await profile_cards.enqueue(found.user_id, f"award:{found.id}")
