"""A person's power-user counters in an organization, as stored."""

from __future__ import annotations

from cocreate.models import PowerScore, User
from cocreate.services.influence import power_ledger


async def counters(org_id: str, person: User) -> dict[str, int]:
    """Every counter and both scores, zero when the person has brought nothing yet."""
    row = await PowerScore.get_or_none(org_id=org_id, user_id=person.id)
    return {name: getattr(row, name) if row else 0 for name in power_ledger.FIELDS}


def only(**nonzero: int) -> dict[str, int]:
    """The counters with these values and every other one at zero."""
    return {name: nonzero.get(name, 0) for name in power_ledger.FIELDS}
