"""The identifier shapes the routes and bodies check are those of the columns they name."""

from __future__ import annotations

import re

from cocreate.lib import identifiers as ids
from cocreate.lib.ids import new_id
from cocreate.models import (
    Award,
    Campaign,
    Entry,
    FundraisingPage,
    FundraisingTeam,
    Organization,
    Tag,
    Team,
    User,
)


def _length(model: type, field: str) -> int:
    return model._meta.fields_map[field].max_length


def test_each_shape_fits_its_column():
    assert ids.ID.max_length == _length(Entry, "id")
    assert ids.HANDLE.max_length == _length(User, "handle")
    assert ids.CAMPAIGN_SLUG.max_length == _length(Campaign, "slug")
    assert ids.ORG_SLUG.max_length == _length(Organization, "slug")
    assert ids.PAGE_SLUG.max_length == _length(FundraisingPage, "slug")
    assert ids.TEAM_SLUG.max_length == _length(FundraisingTeam, "slug")
    assert ids.TAG_SLUG.max_length == _length(Tag, "slug")
    assert ids.INVITE_CODE.max_length == _length(Team, "invite_code")
    assert ids.BADGE_CLASS.max_length == _length(Award, "badge")
    assert _length(User, "email") == ids.EMAIL_MAX_LENGTH


def test_new_ids_have_the_id_shape():
    assert all(re.fullmatch(ids.ID.regex, new_id()) for _ in range(50))
