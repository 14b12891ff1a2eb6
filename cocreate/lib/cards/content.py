"""What a share card shows, and the content-derived key it is stored under."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass

from cocreate.lib.cards.colors import parse_hex, to_hex


@dataclass(frozen=True)
class CardContent:
    """Everything a card shows. A badge card leads with the person's name; an entry card
    sets `headline` (the entry's title), which leads instead, with "by <person>" below it.
    """

    badge_label: str
    person_name: str
    campaign_title: str
    org_name: str
    brand_color: str  # "#RRGGBB"
    entry_image: bytes | None  # an already-validated JPEG, PNG or WebP
    avatar_image: bytes | None = None
    credit: str = ""  # a remix names what it builds on: "remix of Beach still by Remix Co"
    logo_image: bytes | None = None  # the organization's logo; unreadable data is left out
    headline: str = ""  # an entry's title
    stat: str = ""  # a figure at render time, in a chip by the badge: "128 votes"
    link: str = ""  # where friends find it, short: "cocreate.example/e/3kq9x2m7pz1a"

    def __post_init__(self) -> None:
        parse_hex(self.brand_color)  # fail at construction, not halfway through a render

    def fingerprint(self, template_version: str | int) -> str:
        """sha256 hex of everything that affects the picture.

        Equal content gives an equal key, so a stored card is reused instead of
        re-rendered; bump `template_version` when the design changes. The size is
        not included: store each size under the fingerprint plus its name.
        """

        def digest(data: bytes | None) -> str | None:
            return None if data is None else hashlib.sha256(data).hexdigest()

        def text(value: str) -> str:
            return unicodedata.normalize("NFC", value)

        canonical = json.dumps(
            [
                str(template_version),
                text(self.badge_label),
                text(self.person_name),
                text(self.campaign_title),
                text(self.org_name),
                to_hex(parse_hex(self.brand_color)),
                digest(self.entry_image),
                digest(self.avatar_image),
                text(self.credit),
                digest(self.logo_image),
                text(self.headline),
                text(self.link),
                text(self.stat),
            ],
            ensure_ascii=False,
        )
        return hashlib.sha256(canonical.encode()).hexdigest()
