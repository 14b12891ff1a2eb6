"""The receipt a donor is mailed when their gift succeeds: once per gift.

The job is recorded in the transaction that moves the gift to succeeded (keyed by the gift),
and the mail is claimed with a conditional update of `receipt_sent_at` from NULL before it
is sent, so a job run twice or by two workers mails once. A failed send releases the claim
and raises, so the job tries again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cocreate.doors.mailer import compose, create_mailer
from cocreate.lib import money, urls
from cocreate.models import Fundraiser, Gift, GiftStatus
from cocreate.services.notifications.notification_mail import render_mail
from cocreate.settings import Settings


async def send(settings: Settings, gift_id: str) -> bool:
    """The worker's half; True when this call sent the receipt."""
    gift = await Gift.get_or_none(id=gift_id).select_related("donor", "campaign",
                                                              "campaign__org")
    if gift is None or gift.status != GiftStatus.SUCCEEDED or gift.receipt_sent_at is not None:
        return False
    claim = datetime.now(UTC)
    if not await Gift.filter(id=gift.id, receipt_sent_at=None).update(receipt_sent_at=claim):
        return False
    try:
        campaign = gift.campaign
        sponsor = await Fundraiser.filter(campaign_id=campaign.id).values_list(
            "sponsor_name", flat=True)
        context = {
            "user": gift.donor, "gift": gift, "campaign": campaign, "org": campaign.org,
            "amount": money.format_money(gift.amount, gift.currency),
            "matched": money.format_money(gift.matched_amount, gift.currency),
            "sponsor": sponsor[0] if sponsor else "",
            "paid_on": (gift.paid_at or claim).astimezone(UTC).strftime("%-d %B %Y"),
            "link": settings.absolute_url(urls.campaign_path(campaign.slug)),
        }
        text, html = render_mail("receipt", context)
        message = compose(settings, gift.donor.email,
                          f"Your receipt: {context['amount']} to {campaign.title}", text)
        message.add_alternative(html, subtype="html")
        await create_mailer(settings).send(message)
    except BaseException:
        await Gift.filter(id=gift.id, receipt_sent_at=claim).update(receipt_sent_at=None)
        raise
    return True
