"""Opaque cursors page through lists without OFFSET; a cursor the service did not make is a
clear 422 on the cursor field, never a 500."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Invalid
from cocreate.services.core.pagination import decode_cursor, encode_cursor
from cocreate.services.entries import entries
from tests.domain.story import idea, launch, person


async def test_the_gallery_pages_through_every_entry_once_newest_first(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager)
    submitted = [await idea(deps, author, campaign, f"Idea {n}") for n in range(5)]

    seen, cursor = [], None
    while True:
        page = await entries.list_entries(campaign.slug, "new", cursor, limit=2)
        seen += [entry.id for entry in page.entries]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor

    assert seen == [entry.id for entry in reversed(submitted)]


@pytest.mark.parametrize("values", [["2026-01-01T00:00:00+00:00"], {"a": 1}, "text"])
def test_a_cursor_of_another_shape_is_refused_on_the_cursor_field(values):
    with pytest.raises(Invalid) as refused:
        decode_cursor(encode_cursor(values), 2)  # type: ignore[arg-type]

    assert refused.value.fields == {"cursor": "Not a valid cursor."}


@pytest.mark.parametrize(("sort", "values"), [
    ("new", ["yesterday", "abc"]),
    ("new", [7, "abc"]),
    ("top", [3, "yesterday", "abc"]),
    ("top", ["many", "2026-01-01T00:00:00+00:00", "abc"]),
])
async def test_a_cursor_of_the_right_size_but_wrong_values_is_refused(deps, sort, values):
    manager = await person("Manager")
    campaign = await launch(manager)

    with pytest.raises(Invalid) as refused:
        await entries.list_entries(campaign.slug, sort, encode_cursor(values))

    assert refused.value.fields == {"cursor": "Not a valid cursor."}
