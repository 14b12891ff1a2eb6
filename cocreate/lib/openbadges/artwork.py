"""The BadgeClass image: a plain rosette with a star in the organization's colour.

Open Badges wants a PNG (or SVG) for every badge class; the share cards are per person, so
the class gets this small generic emblem instead. Drawn large and scaled down for smooth
edges; the same colour always gives the same bytes.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw

from cocreate.lib.cards.colors import WHITE, mix, parse_hex

SIZE = 512
_SCALE = 3


def _star(center: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((center + r * math.cos(angle), center + r * math.sin(angle)))
    return points


@lru_cache(maxsize=64)
def badge_png(color: str) -> bytes:
    """A SIZE×SIZE PNG emblem in `color` ("#RRGGBB"; anything else falls back to violet)."""
    try:
        brand = parse_hex(color)
    except ValueError:
        brand = parse_hex("#5b3df5")
    big = SIZE * _SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c = big / 2
    teeth = 24
    rosette = [
        (c + (c if i % 2 == 0 else c * 0.9) * math.cos(i * math.pi / teeth),
         c + (c if i % 2 == 0 else c * 0.9) * math.sin(i * math.pi / teeth))
        for i in range(teeth * 2)
    ]
    draw.polygon(rosette, fill=(*mix(brand, (0, 0, 0), 0.25), 255))
    r = c * 0.8
    draw.ellipse((c - r, c - r, c + r, c + r), fill=(*brand, 255))
    ring = c * 0.7
    draw.ellipse((c - ring, c - ring, c + ring, c + ring), outline=(*WHITE, 200),
                 width=round(c * 0.03))
    draw.polygon(_star(c, c * 0.45, c * 0.19), fill=(*WHITE, 255))
    out = io.BytesIO()
    image.resize((SIZE, SIZE), Image.Resampling.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()
