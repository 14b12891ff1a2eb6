"""Share cards: pure rendering of a badge, entry or profile card to PNG bytes, in any script.

Workers call `render_card(content, size)` and store the result under
`content.fingerprint(TEMPLATE_VERSION)` plus the format (services/share_cards.py), so an
unchanged card is never re-rendered.
"""

from cocreate.cards.content import CardContent
from cocreate.cards.layout import CARD_SIZES
from cocreate.cards.render import TEMPLATE_VERSION, render_card

__all__ = ["CARD_SIZES", "TEMPLATE_VERSION", "CardContent", "render_card"]
