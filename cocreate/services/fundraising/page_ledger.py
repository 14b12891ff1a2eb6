"""A gift made on a fan's fundraising page counts for the page and the page's team too.

Called by services/fundraising/gift_ledger.py in the transaction that moves the gift into or out of
succeeded, after the fundraiser's own totals moved. The page row is updated first: that
UPDATE holds the page's row lock until the transaction ends, so the team read next is the
page's team for as long as this gift's totals are being moved, and a page changing team at
the same moment (services/fundraising/fundraising_teams.py, which also updates the page row first)
waits, then moves the page's total including this gift. Totals follow the page's current
team: a team counts what its members raised.
"""

from __future__ import annotations

from tortoise.expressions import F

from cocreate.lib import money, urls
from cocreate.models import FundraisingPage, FundraisingTeam, Gift, NotificationKind, User
from cocreate.services.notifications import notifications
from cocreate.services.sharing import page_cards

NOTIFY_KIND = NotificationKind.PAGE_GIFT


async def _move(gift: Gift, sign: int) -> FundraisingPage | None:
    if not gift.page_id:
        return None
    moved = await FundraisingPage.filter(id=gift.page_id).update(
        raised=F("raised") + sign * gift.amount, gift_count=F("gift_count") + sign)
    if not moved:
        return None
    page = await FundraisingPage.get(id=gift.page_id).select_related("campaign")
    if page.team_id:
        await FundraisingTeam.filter(id=page.team_id).update(
            raised=F("raised") + sign * gift.amount, gift_count=F("gift_count") + sign)
    await page_cards.refresh(page.id)
    return page


async def add(gift: Gift) -> None:
    """A gift on a page succeeded: count it, and tell the page's owner (once per gift)."""
    page = await _move(gift, +1)
    if page is None or page.owner_id == gift.donor_id:
        return
    donor = "Someone" if gift.anonymous else (
        await User.get(id=gift.donor_id).only("id", "display_name")).display_name
    amount = money.format_money(gift.amount, gift.currency)
    await notifications.notify(
        page.owner_id, NOTIFY_KIND, f"{donor} gave {amount} on your fundraising page "
        f"“{page.title}”", urls.fundraising_page_path(page.campaign.slug, page.slug),
        key=f"page-gift:{gift.id}")


async def remove(gift: Gift) -> None:
    """A gift on a page was refunded: take it back out of the page's and the team's totals."""
    await _move(gift, -1)
