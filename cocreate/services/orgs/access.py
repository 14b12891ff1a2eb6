"""Who may act on an organization, asked by its slug: the check its managers-only services
make first, offered alone so an entry point can ask it before reading what was sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocreate.services.orgs import orgs

if TYPE_CHECKING:
    from cocreate.models import User


async def require_manager(actor: User, org_slug: str) -> None:
    """NotFound without such an organization, Forbidden unless `actor` manages it."""
    await orgs.require_manager(actor, await orgs.get_org(org_slug))


async def require_owner(actor: User, org_slug: str) -> None:
    """NotFound without such an organization, Forbidden unless `actor` owns it."""
    await orgs.require_owner(actor, await orgs.get_org(org_slug))
