"""Job handlers by name. Each calls a service and is idempotent."""

from __future__ import annotations

from cocreate.jobs import Handler, JobContext
from cocreate.services import award_cards, badges, media, verification


async def process_media(context: JobContext, media_id: str) -> None:
    await media.process_upload(context.storage, context.settings, media_id)


async def render_badge(context: JobContext, award_id: str) -> None:
    await award_cards.render(context.storage, award_id)


async def send_verification(context: JobContext, user_id: str) -> None:
    await verification.send_link(context.settings, user_id)


HANDLERS: dict[str, Handler] = {
    media.PROCESS_JOB: process_media,
    badges.RENDER_JOB: render_badge,
    verification.SEND_JOB: send_verification,
}
