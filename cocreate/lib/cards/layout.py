"""Where things go on each card format: the visual, the text column, type sizes."""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.lib.cards.images import Box

CARD_SIZES: dict[str, tuple[int, int]] = {
    "og": (1200, 630),  # Open Graph / Twitter summary_large_image
    "square": (1080, 1080),
    "story": (1080, 1920),
}


@dataclass(frozen=True)
class TextSpec:
    max_size: int
    min_size: int
    max_lines: int


@dataclass(frozen=True)
class Frame:
    size: tuple[int, int]
    unit: float  # 1.0 on the Open Graph card; everything scales with it
    visual: Box  # entry image, or the fallback medallion
    column: Box  # badge pill, name, campaign and organization
    align: str  # "left" or "center"
    wordmark_on_top: bool
    wordmark: int  # wordmark type size
    label: TextSpec
    name: TextSpec
    title: TextSpec
    org: TextSpec
    center_group: bool = False  # the pills move down with the texts, centred together

    def px(self, value: float) -> int:
        return round(value * self.unit)


def frame_for(size: tuple[int, int], dense: bool = False) -> Frame:
    """The layout for `size`; `dense` (an entry card's extra lines) gives the column of the
    square and story formats more room and the visual less."""
    width, height = size
    if width >= height * 1.3:
        return _landscape(size)
    if height >= width * 1.4:
        return _story(size, 0.37 if dense else 0.49)
    return _square(size, 0.34 if dense else 0.43)


def _landscape(size: tuple[int, int]) -> Frame:
    w, h = size
    u = h / 630
    pad = round(60 * u)
    visual_w = round(w * 0.38)
    visual = (w - pad - visual_w, pad, w - pad, h - pad)
    return Frame(
        size, u, visual, (pad + round(4 * u), pad, visual[0] - round(60 * u), h - pad),
        "left", False, round(26 * u),
        label=TextSpec(round(22 * u), round(16 * u), 1),
        name=TextSpec(round(80 * u), round(44 * u), 3),
        title=TextSpec(round(32 * u), round(24 * u), 2),
        org=TextSpec(round(26 * u), round(20 * u), 1),
    )  # fmt: skip


def _square(size: tuple[int, int], visual_share: float) -> Frame:
    w, h = size
    u = w / 1080
    pad = round(72 * u)
    visual = (pad, pad, w - pad, pad + round(h * visual_share))
    return Frame(
        size, u, visual, (pad + round(4 * u), visual[3] + round(56 * u), w - pad, h - pad),
        "left", False, round(28 * u),
        label=TextSpec(round(28 * u), round(20 * u), 1),
        name=TextSpec(round(92 * u), round(52 * u), 2),
        title=TextSpec(round(38 * u), round(28 * u), 2),
        org=TextSpec(round(32 * u), round(24 * u), 1),
    )  # fmt: skip


def _story(size: tuple[int, int], visual_share: float) -> Frame:
    # Instagram and TikTok draw their own controls over the top ~14% and bottom
    # ~12% of a story, so nothing important goes there.
    w, h = size
    u = w / 1080
    pad = round(72 * u)
    top = round(h * 0.14)
    visual = (pad, top, w - pad, top + min(w - 2 * pad, round(h * visual_share)))
    return Frame(
        size, u, visual, (pad, visual[3] + round(72 * u), w - pad, h - round(h * 0.12)),
        "center", True, round(32 * u),
        label=TextSpec(round(30 * u), round(22 * u), 1),
        name=TextSpec(round(120 * u), round(60 * u), 3),
        title=TextSpec(round(42 * u), round(30 * u), 2),
        org=TextSpec(round(34 * u), round(26 * u), 1),
        center_group=True,
    )  # fmt: skip
