"""Job handlers by name. Each calls a service and is idempotent. A job's name is
`<area>.<what>`, after the service area that handles it."""

from __future__ import annotations

from cocreate.doors.jobs import Handler, JobContext
from cocreate.services.accounts import verification
from cocreate.services.badges import badges
from cocreate.services.conversation import follows, idea_status
from cocreate.services.core import events
from cocreate.services.fundraising import gift_ledger, receipts
from cocreate.services.listening import listening
from cocreate.services.media import media
from cocreate.services.moderation import merging
from cocreate.services.notifications import notification_mail
from cocreate.services.recognition import badge_rules
from cocreate.services.sharing import (
    award_cards,
    entry_cards,
    fundraiser_cards,
    page_cards,
    profile_cards,
)


async def process_media(context: JobContext, media_id: str) -> None:
    await media.process_upload(context.storage, context.settings, media_id)


async def render_badge(context: JobContext, award_id: str) -> None:
    await award_cards.render(context.storage, award_id)


async def render_entry_card(context: JobContext, entry_id: str) -> None:
    await entry_cards.render(context.storage, entry_id, context.settings.base_url)


async def render_profile_card(context: JobContext, user_id: str) -> None:
    await profile_cards.render(context.storage, user_id)


async def evaluate_badges(context: JobContext, **payload: object) -> None:
    await badge_rules.evaluate(payload)


async def send_verification(context: JobContext, user_id: str) -> None:
    await verification.send_link(context.settings, user_id)


async def email_notification(context: JobContext, notification_id: str) -> None:
    await notification_mail.send_one(context.settings, notification_id)


async def tell_followers(context: JobContext, campaign_id: str, phase: str, stamp: int) -> None:
    await follows.tell_followers(campaign_id, phase, stamp)


async def tell_entry_followers(context: JobContext, comment_id: str, told: list[str]) -> None:
    await follows.tell_entry_followers(comment_id, told)


async def tell_idea_status(context: JobContext, entry_id: str, stamp: int) -> None:
    await idea_status.tell_people(entry_id, stamp)


async def extract_terms(context: JobContext, entry_id: str | None = None,
                        comment_id: str | None = None) -> None:
    await listening.extract(entry_id, comment_id)


async def tell_merged(context: JobContext, entry_id: str, into_id: str,
                      voter_ids: list[str]) -> None:
    await merging.tell_people(entry_id, into_id, voter_ids)


async def send_receipt(context: JobContext, gift_id: str) -> None:
    await receipts.send(context.settings, gift_id)


async def render_fundraiser_card(context: JobContext, fundraiser_id: str) -> None:
    await fundraiser_cards.render(context.storage, fundraiser_id)


async def render_page_card(context: JobContext, page_id: str) -> None:
    await page_cards.render(context.storage, page_id)


CURRENT: dict[str, Handler] = {
    media.PROCESS_JOB: process_media,
    badges.RENDER_JOB: render_badge,
    entry_cards.RENDER_JOB: render_entry_card,
    profile_cards.RENDER_JOB: render_profile_card,
    events.BADGES_JOB: evaluate_badges,
    verification.SEND_JOB: send_verification,
    notification_mail.EMAIL_JOB: email_notification,
    events.PHASE_FOLLOWERS_JOB: tell_followers,
    follows.COMMENT_JOB: tell_entry_followers,
    idea_status.NOTIFY_JOB: tell_idea_status,
    events.TERMS_JOB: extract_terms,
    merging.NOTIFY_JOB: tell_merged,
    gift_ledger.RECEIPT_JOB: send_receipt,
    fundraiser_cards.RENDER_JOB: render_fundraiser_card,
    page_cards.RENDER_JOB: render_page_card,
}

# Names jobs were stored under before the services were grouped by area. Rows recorded under
# an old name (pending in the outbox, or queued in Redis) still run, by the same handler.
RENAMED = {
    "badges.render": badges.RENDER_JOB,
    "entries.render_card": entry_cards.RENDER_JOB,
    "profiles.render_card": profile_cards.RENDER_JOB,
    "badges.evaluate": events.BADGES_JOB,
    "mail.verify": verification.SEND_JOB,
    "follows.phase": events.PHASE_FOLLOWERS_JOB,
    "follows.comment": follows.COMMENT_JOB,
    "ideas.status_changed": idea_status.NOTIFY_JOB,
    "ideas.merged": merging.NOTIFY_JOB,
    "gifts.receipt": gift_ledger.RECEIPT_JOB,
    "fundraisers.render_card": fundraiser_cards.RENDER_JOB,
    "fundraising_pages.render_card": page_cards.RENDER_JOB,
}

HANDLERS: dict[str, Handler] = {
    **CURRENT, **{old: CURRENT[new] for old, new in RENAMED.items()},
}
