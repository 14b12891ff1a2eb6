"""Who may act on an entry as its campaign's staff, asked by the entry's id: the check its
staff-only services make first, offered alone so an entry point can ask it before reading
what was sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocreate.services.entries import entries
from cocreate.services.orgs import orgs

if TYPE_CHECKING:
    from cocreate.models import User


async def require_manager(actor: User, entry_id: str) -> None:
    """NotFound without such an entry, Forbidden unless `actor` manages its campaign."""
    entry = await entries.get_entry(entry_id)
    await orgs.require_manager(actor, entry.campaign.org)


async def require_moderator(actor: User, entry_id: str) -> None:
    """NotFound without such an entry, Forbidden unless `actor` moderates its campaign."""
    entry = await entries.get_entry(entry_id)
    await orgs.require_moderator(actor, entry.campaign.org)
