"""The shapes of the identifiers people send: row ids, slugs, handles, invite codes, emails.

One definition serves the routes (a path convertor per kind, cocreate/http.py), and the JSON
bodies and queries (the pydantic types below), so a value that cannot name anything is
refused where it enters instead of reaching the database, whose columns it would not fit.
The lengths are those of the columns (tests/unit/test_identifiers.py keeps them so)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError


@dataclass(frozen=True)
class Shape:
    """What one kind of identifier looks like: its characters and longest length."""

    name: str
    chars: str  # a regex character class
    max_length: int
    what: str  # in words, for messages

    @property
    def regex(self) -> str:
        """The regex of a whole value, without anchors (Starlette adds them in paths)."""
        return f"{self.chars}{{1,{self.max_length}}}"

    @property
    def pattern(self) -> str:
        return f"^{self.regex}$"


_SLUG = "[a-z0-9-]"
ID = Shape("id", "[a-z0-9]", 16, "an id")  # models/base.py id_field, lib/ids.new_id
HANDLE = Shape("handle", _SLUG, 40, "a handle")  # User.handle
CAMPAIGN_SLUG = Shape("campaign_slug", _SLUG, 80, "a campaign's slug")  # Campaign.slug
ORG_SLUG = Shape("org_slug", _SLUG, 60, "an organization's slug")  # Organization.slug
PAGE_SLUG = Shape("page_slug", _SLUG, 60, "a fundraising page's slug")  # FundraisingPage.slug
TEAM_SLUG = Shape("team_slug", _SLUG, 90, "a fundraising team's slug")  # FundraisingTeam.slug
TAG_SLUG = Shape("tag_slug", _SLUG, 50, "a tag's slug")  # Tag.slug
INVITE_CODE = Shape("invite_code", "[A-Za-z0-9_-]", 24, "an invite code")  # Team.invite_code
BADGE_CLASS = Shape("badge_class", "[a-z0-9:-]", 40, "a badge")  # Award.badge ("org:<id>")

SHAPES = (ID, HANDLE, CAMPAIGN_SLUG, ORG_SLUG, PAGE_SLUG, TEAM_SLUG, TAG_SLUG, INVITE_CODE,
          BADGE_CLASS)
EMAIL_MAX_LENGTH = 254  # User.email


def _typed(shape: Shape, *, at: bool = False) -> Any:
    """A str of `shape`, refused in words that name it (`at`: "@maya" is maya's handle)."""
    whole = re.compile(rf"^{'@?' if at else ''}{shape.regex}$")

    def check(value: str) -> str:
        if not whole.match(value):
            raise PydanticCustomError("shape", f"This is not {shape.what}.")
        return value.removeprefix("@") if at else value

    return Annotated[str, StringConstraints(strip_whitespace=at,
                                            max_length=shape.max_length + at),
                     AfterValidator(check),
                     Field(description=f"{shape.what[0].upper()}{shape.what[1:]}",
                           json_schema_extra={"pattern": whole.pattern})]


Id = _typed(ID)
Handle = _typed(HANDLE)
CampaignSlug = _typed(CAMPAIGN_SLUG)
OrgSlug = _typed(ORG_SLUG)
TagSlug = _typed(TAG_SLUG)
InviteCode = _typed(INVITE_CODE)
# A handle as people type it: "@maya" or "maya", read as maya.
HandleRef = _typed(HANDLE, at=True)
# An email is checked in full by the service (accounts); here only what no address can be.
Email = Annotated[str, StringConstraints(max_length=EMAIL_MAX_LENGTH)]
