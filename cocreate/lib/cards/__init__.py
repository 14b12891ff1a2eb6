"""Share cards: pure rendering of a badge, entry or profile card to PNG bytes, in any script.

Workers call `render_card(content, size)` and store the result under
`content.fingerprint(TEMPLATE_VERSION)` plus the format (services/sharing/share_cards.py), so an
unchanged card is never re-rendered.
"""

from cocreate.lib.cards.content import CardContent
from cocreate.lib.cards.layout import CARD_SIZES
from cocreate.lib.cards.render import TEMPLATE_VERSION, render_card

__all__ = ["CARD_SIZES", "TEMPLATE_VERSION", "CardContent", "render_card"]
