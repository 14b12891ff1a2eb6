"""Tag.entry_count follows its entries: an entry that becomes public counts for each of its
tags, one that leaves the gallery stops counting. Called inside the transaction that changes
the entry's status, so the count and the status move together (reconcile checks them)."""

from __future__ import annotations

from tortoise.expressions import F

from cocreate.models import Entry, EntryTag, Tag


async def count_entry(entry: Entry, step: int) -> None:
    tag_ids = await EntryTag.filter(entry_id=entry.id).values_list("tag_id", flat=True)
    if tag_ids:
        await Tag.filter(id__in=tag_ids).update(entry_count=F("entry_count") + step)
