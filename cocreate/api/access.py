"""Authorization steps an Endpoint runs before it reads the body: a person who may not use
an endpoint learns that (403) and nothing about what it accepts. Each calls the service
layer's own check; the service checks again when the handler calls it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from cocreate.services.campaigns import access as campaign_access
from cocreate.services.entries import access as entry_access
from cocreate.services.orgs import access as org_access

if TYPE_CHECKING:
    from cocreate.models import User

Authorize = Callable[["User", dict[str, str]], Awaitable[None]]


async def campaign_manager(user: User, path: dict[str, str]) -> None:
    await campaign_access.require_manager(user, path["campaign"])


async def org_manager(user: User, path: dict[str, str]) -> None:
    await org_access.require_manager(user, path["org"])


async def entry_manager(user: User, path: dict[str, str]) -> None:
    await entry_access.require_manager(user, path["entry"])


async def entry_moderator(user: User, path: dict[str, str]) -> None:
    await entry_access.require_moderator(user, path["entry"])


async def org_owner(user: User, path: dict[str, str]) -> None:
    await org_access.require_owner(user, path["org"])
