"""Brand colours and WCAG contrast, so text on a brand panel stays readable."""

from __future__ import annotations

import re

RGB = tuple[int, int, int]

WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
INK: RGB = (16, 18, 27)  # near-black: softer than pure black, still ~19:1 on white
MIN_CONTRAST = 4.5  # WCAG AA for normal text

_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def parse_hex(value: str) -> RGB:
    """Parse "#RRGGBB" (or "#RGB"); raise ValueError for anything else."""
    match = _HEX.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"not a #RRGGBB colour: {value!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def to_hex(rgb: RGB) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_color_for(background: RGB) -> RGB:
    """White or near-black, whichever reads better on `background`."""
    if contrast_ratio(WHITE, background) >= contrast_ratio(INK, background):
        return WHITE
    return INK


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend from `a` (t=0) to `b` (t=1)."""
    r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return (r, g, bl)


def away_from(text: RGB) -> RGB:
    """The extreme (black or white) that raises contrast against `text`."""
    return BLACK if text == WHITE else WHITE


def readable_panel(brand: RGB) -> tuple[RGB, RGB]:
    """A panel colour as close to `brand` as possible, and text with ≥ 4.5:1 on it.

    Mid-tones (luminance near 0.18) reach 4.5:1 with neither white nor near-black,
    so the panel is nudged darker (or lighter) until the text passes.
    """
    text = text_color_for(brand)
    panel, t = brand, 0.0
    while contrast_ratio(text, panel) < MIN_CONTRAST and t < 1:
        t = min(1.0, t + 0.02)
        panel = mix(brand, away_from(text), t)
    return panel, text


def readable_tint(text: RGB, panel: RGB, amount: float) -> RGB:
    """`text` faded towards `panel` by `amount`, unless that would drop below 4.5:1."""
    tinted = mix(text, panel, amount)
    return tinted if contrast_ratio(tinted, panel) >= MIN_CONTRAST else text
