"""A donor is mailed one receipt per succeeded gift, by a job; the offline provider takes no
notifications, so nothing from outside moves a pledge."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage

import pytest

from cocreate.lib.errors import DomainError, NotFound
from cocreate.models import Gift, ProviderEvent
from cocreate.services.core.context import Deps
from cocreate.services.fundraising import gift_ledger, gifts, payment_events, receipts
from tests.domain.fundraising.story_fundraising import fundraiser, paid, totals
from tests.domain.story import person, run_jobs_named


def mails(deps: Deps) -> list[EmailMessage]:
    """The messages the embedded mailer wrote to its folder."""
    return [email.message_from_bytes(path.read_bytes(), policy=policy.default)
            for path in sorted(deps.settings.mail_dir.glob("*.eml"))]


async def test_a_paid_gift_mails_its_donor_one_receipt(deps):
    manager, donor = await person("Manager"), await person("Donor")
    campaign = await fundraiser(manager, sponsor_name="River Bank", match_percent=100,
                                match_cap=50_000)
    gift = await paid(deps, manager, donor, campaign, 2_500)

    await run_jobs_named(deps, gift_ledger.RECEIPT_JOB)
    assert await receipts.send(deps.settings, gift.id) is False  # a second run sends nothing

    [receipt] = mails(deps)
    assert (receipt["To"], receipt["Subject"]) == (donor.email,
                                                   "Your receipt: €25 to Clean the river")
    assert "River Bank" in receipt.get_body(("plain",)).get_content()  # who matched it
    assert (await Gift.get(id=gift.id)).receipt_sent_at is not None


async def test_a_pledge_that_was_never_paid_gets_no_receipt(deps):
    manager, donor = await person("Manager"), await person("Donor")
    campaign = await fundraiser(manager)
    started = await gifts.give(deps, donor, campaign.slug, 2_500)
    await gifts.manage(deps, manager, started.gift.id, "cancel")

    assert await receipts.send(deps.settings, started.gift.id) is False
    await run_jobs_named(deps, gift_ledger.RECEIPT_JOB)
    assert mails(deps) == []


async def test_the_offline_provider_takes_no_notifications_from_outside(deps):
    manager, donor = await person("Manager"), await person("Donor")
    campaign = await fundraiser(manager)
    started = await gifts.give(deps, donor, campaign.slug, 2_500)
    forged = b'{"id": "evt_1", "type": "checkout.session.completed"}'

    with pytest.raises(DomainError, match="signature is not valid") as refused:
        await payment_events.receive(deps, "offline", forged, "t=1,v1=abc")
    assert refused.value.status == 400  # the sender must not retry it
    with pytest.raises(NotFound, match="does not take payments through that provider"):
        await payment_events.receive(deps, "stripe", forged, "t=1,v1=abc")

    assert not await ProviderEvent.exists()
    assert (await Gift.get(id=started.gift.id)).status == "pending"
    assert await totals(campaign) == (0, 0, 0)
