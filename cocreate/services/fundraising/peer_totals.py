"""Recounting the peer-to-peer totals from their ledgers, for services/operations/reconcile.py.

A page's raised and gift_count are the sums over the succeeded gifts made on it; a team's
are the sums over the succeeded gifts of its current pages (totals follow the page), and
its member_count the number of its pages.
"""

from __future__ import annotations

from collections import Counter

from cocreate.models import FundraisingPage, FundraisingTeam, Gift, GiftStatus

BATCH = 5000
Found = tuple[str, str, int, int]  # (counter, row id, stored, ledger)


async def _page_ledger() -> dict[str, Counter[str]]:
    ledger: dict[str, Counter[str]] = {}
    offset = 0
    while True:
        rows = await Gift.filter(status=GiftStatus.SUCCEEDED, page_id__isnull=False).order_by(
            "id").offset(offset).limit(BATCH).values_list("page_id", "amount")
        for page_id, amount in rows:
            ledger.setdefault(page_id, Counter()).update({"raised": amount, "gift_count": 1})
        if len(rows) < BATCH:
            return ledger
        offset += BATCH


def _compare(table: str, rows: list[tuple], names: tuple[str, ...],
             ledger: dict[str, Counter[str]]) -> list[Found]:
    found = []
    for row_id, *stored in rows:
        sums = ledger.get(row_id, Counter())
        for name, value in zip(names, stored, strict=True):
            if value != sums.get(name, 0):
                found.append((f"{table}.{name}", row_id, value, sums.get(name, 0)))
    return found


async def differences() -> list[Found]:
    pages = await _page_ledger()
    teams: dict[str, Counter[str]] = {}
    page_rows = await FundraisingPage.all().order_by("id").values_list(
        "id", "raised", "gift_count", "team_id")
    for page_id, _raised, _count, team_id in page_rows:
        if team_id:
            sums = teams.setdefault(team_id, Counter())
            sums.update({**pages.get(page_id, Counter()), "member_count": 1})
    team_rows = await FundraisingTeam.all().order_by("id").values_list(
        "id", "raised", "gift_count", "member_count")
    return (_compare("fundraising_pages", [row[:3] for row in page_rows],
                     ("raised", "gift_count"), pages)
            + _compare("fundraising_teams", team_rows, ("raised", "gift_count", "member_count"),
                       teams))

