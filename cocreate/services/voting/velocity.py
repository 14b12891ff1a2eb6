"""Velocity rules: spotting votes that look organized, so they can be held for review.

Votes for one entry from one network (IPv4 /24, IPv6 /48) within a short window are looked
at together. Too many from accounts made in the last hours, or too many at all, and the whole
cluster is held out of the public total until a manager accepts or voids it. Votes a manager
already reviewed are never held again. Addresses that say nothing about a network (loopback,
unknown) are left alone.

Two votes arriving at the same instant may each miss the other; the next vote of the cluster
sees both and holds them, so a cluster larger than the limit by two or more is always held.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import timedelta

from cocreate.models import Vote, VoteStatus
from cocreate.settings import Settings


@dataclass(frozen=True)
class Suspicion:
    reason: str
    vote_ids: list[str]  # the counted, never reviewed votes of the cluster


def network_of(address: str | None) -> str | None:
    """The network an address belongs to, as CIDR text, or None when it tells nothing."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return None
    if ip.is_loopback or ip.is_unspecified:
        return None
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


async def inspect(settings: Settings, vote: Vote) -> Suspicion | None:
    """Look at the cluster `vote` belongs to (the vote is already written)."""
    if vote.network is None:
        return None
    window = timedelta(minutes=settings.vote_hold_window_minutes)
    rows = await Vote.filter(
        entry_id=vote.entry_id, network=vote.network, created_at__gte=vote.created_at - window,
    ).values_list("id", "status", "reviewed_at", "user__created_at")
    new_since = vote.created_at - timedelta(hours=settings.vote_hold_account_hours)
    newcomers = [row for row in rows if row[3] > new_since]
    minutes = settings.vote_hold_window_minutes
    if len(newcomers) > settings.vote_hold_new_accounts:
        reason = (f"{len(newcomers)} accounts less than {settings.vote_hold_account_hours} "
                  f"hours old voted for this entry from network {vote.network} within "
                  f"{minutes} minutes")
        cluster = newcomers
    elif len(rows) > settings.vote_hold_network_votes:
        reason = (f"{len(rows)} votes for this entry came from network {vote.network} within "
                  f"{minutes} minutes")
        cluster = list(rows)
    else:
        return None
    ids = [row[0] for row in cluster if row[1] == VoteStatus.COUNTED and row[2] is None]
    return Suspicion(reason, ids) if ids else None
