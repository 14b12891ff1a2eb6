"""Share cards: right size, content-derived keys, text that fits, every script drawn."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from io import BytesIO

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageChops, ImageDraw

from cocreate.lib.cards import CARD_SIZES, TEMPLATE_VERSION, CardContent, column, render_card
from cocreate.lib.cards.colors import (
    INK,
    MIN_CONTRAST,
    WHITE,
    contrast_ratio,
    parse_hex,
    readable_panel,
    text_color_for,
)
from cocreate.lib.cards.fit import ELLIPSIS, fit_text, tokens, wrap
from cocreate.lib.cards.fonts import Face, base_face, load_font
from cocreate.lib.cards.images import decode
from cocreate.lib.cards.layout import frame_for
from cocreate.lib.cards.logo import tile_color
from cocreate.lib.cards.scripts import attaches, split_runs
from cocreate.lib.cards.text import draw_line, line_width, segments
from cocreate.services.sharing import share_cards

NOTDEF = "\U0010ffff"  # a noncharacter: every font draws its .notdef ("tofu") box for it


def jpeg(color: tuple[int, int, int], size: tuple[int, int] = (800, 500)) -> bytes:
    image = Image.new("RGB", size, color)
    ImageDraw.Draw(image).ellipse((100, 100, 300, 300), fill=(255, 255, 255))
    out = BytesIO()
    image.save(out, "JPEG")
    return out.getvalue()


def logo_png(color: tuple[int, int, int, int], size: tuple[int, int] = (400, 160)) -> bytes:
    """A mark on a transparent background, as logos usually come."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size[1], size[1]), fill=color)
    draw.rectangle((size[1] + 20, size[1] // 3, size[0], 2 * size[1] // 3), fill=color)
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


LOGO_GREEN = (0, 150, 70, 255)


def content(**changes: object) -> CardContent:
    fields: dict[str, object] = {
        "badge_label": "Contributor",
        "person_name": "Zoë Łukasiewicz",
        "campaign_title": "Spring Remix Challenge",
        "org_name": "Acme Outdoor",
        "brand_color": "#1B2A6B",
        "entry_image": jpeg((200, 30, 30)),
    }
    fields.update(changes)
    return CardContent(**fields)  # type: ignore[arg-type]


def decode_png(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(BytesIO(data))
    image.load()
    return image.convert("RGB")


# --- size and composition -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
@pytest.mark.parametrize("with_image", [True, False], ids=["image", "no-image"])
def test_card_is_a_png_of_exactly_the_requested_size(name: str, with_image: bool) -> None:
    card = content(entry_image=jpeg((20, 160, 90)) if with_image else None)

    image = decode_png(render_card(card, CARD_SIZES[name]))

    assert image.size == CARD_SIZES[name]


def test_the_three_formats_are_open_graph_square_and_story() -> None:
    assert CARD_SIZES == {"og": (1200, 630), "square": (1080, 1080), "story": (1080, 1920)}


def test_default_size_is_the_open_graph_image() -> None:
    assert decode_png(render_card(content())).size == (1200, 630)


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
def test_entry_image_fills_the_visual_area(name: str) -> None:
    red = (200, 30, 30)
    frame = frame_for(CARD_SIZES[name])
    left, top, right, bottom = frame.visual

    image = decode_png(render_card(content(entry_image=jpeg(red)), CARD_SIZES[name]))

    # Cover-cropped: the image reaches just inside every edge of its rounded box.
    inset = frame.px(30)
    inside = [
        (left + inset, top + inset),
        (right - inset, top + inset),
        (right - inset, bottom - inset),
    ]
    for xy in inside:
        assert _close(image.getpixel(xy), red), xy


def test_without_an_entry_image_the_initials_medallion_is_drawn() -> None:
    frame = frame_for(CARD_SIZES["og"])
    cx = (frame.visual[0] + frame.visual[2]) // 2
    cy = (frame.visual[1] + frame.visual[3]) // 2

    image = decode_png(render_card(content(entry_image=None, brand_color="#1B2A6B")))

    # A white disc (the text colour on navy) with navy initials in the middle.
    disc = image.crop((cx - 120, cy - 120, cx + 120, cy + 120))
    colors = set(disc.get_flattened_data())
    assert WHITE in colors
    assert any(_close(px, parse_hex("#1B2A6B"), 40) for px in colors)


def test_any_card_renders_even_with_empty_texts_and_a_white_brand() -> None:
    card = CardContent("", "", "", "", "#FFFFFF", None)

    assert decode_png(render_card(card)).size == (1200, 630)


def test_an_invalid_brand_color_is_rejected_when_the_content_is_built() -> None:
    with pytest.raises(ValueError, match="RRGGBB"):
        content(brand_color="navy")


# --- content-derived key --------------------------------------------------------------


def test_fingerprint_is_equal_for_equal_content() -> None:
    assert content().fingerprint(TEMPLATE_VERSION) == content().fingerprint(TEMPLATE_VERSION)
    # Same colour spelled differently, same name in another Unicode normal form.
    nfd = unicodedata.normalize("NFD", "Zoë Łukasiewicz")
    same = content(brand_color="#1b2a6b", person_name=nfd)
    assert same.fingerprint(TEMPLATE_VERSION) == content().fingerprint(TEMPLATE_VERSION)


@pytest.mark.parametrize(
    "change",
    [
        {"person_name": "Zoe Lukasiewicz"},
        {"badge_label": "Winner"},
        {"campaign_title": "Autumn Remix"},
        {"org_name": "Acme Indoor"},
        {"brand_color": "#1B2A6C"},
        {"entry_image": jpeg((30, 200, 30))},
        {"entry_image": None},
        {"avatar_image": jpeg((0, 0, 0))},
        {"logo_image": logo_png(LOGO_GREEN)},
        {"headline": "A kayak table"},
        {"stat": "10 votes"},
    ],
    ids=lambda change: next(iter(change)),
)
def test_fingerprint_changes_when_anything_shown_changes(change: dict[str, object]) -> None:
    original = content().fingerprint(TEMPLATE_VERSION)

    assert content(**change).fingerprint(TEMPLATE_VERSION) != original


def test_fingerprint_changes_with_the_template_version() -> None:
    assert content().fingerprint("1") != content().fingerprint("2")
    assert len(content().fingerprint("1")) == 64


# --- fitting text ---------------------------------------------------------------------

LONG_NAME = "Maria José da Conceição Fernandes Albuquerque de Oliveira e Sousa Bragança"
LONG_TITLE = (
    "The Great Big Community Co-creation Campaign for a Cleaner, Greener and Kinder "
    "City Centre, Brought to You by Everyone Who Lives, Works and Plays There"
)


def test_a_short_name_stays_on_one_line_at_the_largest_size() -> None:
    fitted = fit_text("Ana", width=500, max_size=80, min_size=40, max_lines=3, bold=True)

    assert fitted.lines == ("Ana",)
    assert fitted.size == 80


def test_a_long_name_shrinks_then_wraps_on_word_boundaries_within_the_box() -> None:
    width = 540

    fitted = fit_text(LONG_NAME, width=width, max_size=80, min_size=44, max_lines=4, bold=True)

    assert len(fitted.lines) > 1
    assert 44 <= fitted.size <= 80
    assert all(line_width(line, fitted.size, True) <= width for line in fitted.lines)
    assert " ".join(fitted.lines).split() == LONG_NAME.split()  # no word cut or lost


def test_text_beyond_the_line_limit_is_ellipsized_after_whole_words() -> None:
    width = 540

    fitted = fit_text(LONG_TITLE, width=width, max_size=32, min_size=24, max_lines=2)

    assert len(fitted.lines) == 2
    assert fitted.size == 24
    assert fitted.lines[-1].endswith(ELLIPSIS)
    assert all(line_width(line, 24, False) <= width for line in fitted.lines)
    shown = " ".join(fitted.lines).removesuffix(ELLIPSIS).split()
    assert shown == LONG_TITLE.split()[: len(shown)]  # whole words, in order


def test_the_height_limit_caps_the_number_of_lines() -> None:
    fitted = fit_text(LONG_NAME, width=300, max_size=60, min_size=40, max_lines=5, height=100)

    assert fitted.height <= 100


def test_a_single_word_too_long_for_the_box_is_cut_with_an_ellipsis_not_overflowing() -> None:
    word = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft"

    fitted = fit_text(word, width=400, max_size=60, min_size=40, max_lines=3, bold=True)

    assert len(fitted.lines) == 1
    assert fitted.lines[0].endswith(ELLIPSIS)
    assert line_width(fitted.lines[0], fitted.size, True) <= 400


def test_wrapping_never_splits_a_word() -> None:
    for width in (200, 300, 450):
        lines = wrap(LONG_TITLE, 28, False, width)
        assert " ".join(lines).split() == LONG_TITLE.split()


def test_japanese_wraps_between_characters_but_not_before_closing_punctuation() -> None:
    title = "春のリミックス・チャレンジ二〇二六年、みんなで作る未来の街づくりプロジェクト"

    lines = wrap(title, 32, False, 300)

    assert len(lines) > 1
    assert "".join(lines) == title
    assert all(line_width(line, 32, False) <= 300 for line in lines)
    assert not any(line.startswith(("、", "。", "ー", "ッ")) for line in lines)


def test_tokens_keep_emoji_sequences_whole() -> None:
    family = "👩\u200d👩\u200d👧"

    assert tokens(f"Ana {family} 🇯🇵") == ["Ana ", f"{family} ", "🇯🇵"]


# --- every script is drawn with a font that has its glyphs ----------------------------

NAMES = {
    "latin": ("Zoë Łukasiewicz", "NotoSans-"),
    "cyrillic": ("Дмитрий", "NotoSans-"),
    "greek": ("Ἀλέξανδρος", "NotoSans-"),
    "cjk": ("山田太郎", "NotoSansCJK-"),
    "korean": ("김민준", "NotoSansCJK-"),
    "arabic": ("محمد", "NotoSansArabic-"),
    "hebrew": ("שרה", "NotoSansHebrew-"),
    "devanagari": ("प्रिया", "NotoSansDevanagari-"),
    "emoji": ("🎉🚀", "NotoColorEmoji"),
}


def _is_tofu(face: Face, char: str) -> bool:
    """True when `face` draws `char` as its .notdef box."""
    font = load_font(face, 40)
    drawn, tofu = font.getmask(char), font.getmask(NOTDEF)
    return drawn.size == tofu.size and bytes(drawn) == bytes(tofu)


def test_the_tofu_check_detects_a_missing_glyph() -> None:
    latin = base_face(bold=True)

    assert _is_tofu(latin, "山")
    assert not _is_tofu(latin, "Z")


@pytest.mark.parametrize("script", sorted(NAMES))
def test_each_script_is_drawn_with_a_font_that_has_its_glyphs(script: str) -> None:
    name, family = NAMES[script]

    runs = split_runs(name, True)

    assert all(run.face.file.startswith(family) for run in runs), runs
    for run in runs:
        for char in run.text:
            if not attaches(char) and not char.isspace():
                assert not _is_tofu(run.face, char), (script, char, run.face.file)


def test_mixed_text_is_split_into_runs_with_spaces_kept_in_the_run() -> None:
    runs = split_runs("Ana 🎉🚀 山田", True)

    assert [(run.text, run.face.file) for run in runs] == [
        ("Ana ", "NotoSans-Bold.ttf"),
        ("🎉🚀", "NotoColorEmoji.ttf"),
        (" ", "NotoSans-Bold.ttf"),
        ("山田", "NotoSansCJK-Bold.ttc"),
    ]


def test_arabic_is_shaped_into_joined_letters() -> None:
    # Shaped, محمد must look exactly like its letters' joined presentation forms
    # (initial meem, medial hah, medial meem, final dal), not like the isolated ones.
    font = load_font(split_runs("محمد", True)[0].face, 60)

    def drawn(text: str) -> tuple[tuple[int, int], bytes]:
        mask = font.getmask(text, direction="rtl")
        return mask.size, bytes(mask)

    assert drawn("محمد") == drawn("\ufee3\ufea4\ufee4\ufeaa")
    assert drawn("محمد") != drawn("\ufee1\ufea1\ufee1\ufea9")


def test_right_to_left_lines_put_what_follows_on_the_left() -> None:
    visual = segments("محمد 🎉", True)

    assert visual[0].face.color  # the emoji, logically last, is drawn leftmost
    assert visual[-1].text.strip() == "محمد"
    assert visual[-1].level == 1  # right to left


def test_left_to_right_line_keeps_an_embedded_arabic_title_after_the_prefix() -> None:
    visual = segments("for تحدي الربيع", False)

    assert visual[0].text == "for "
    assert visual[0].level == 0
    assert visual[1].text == "تحدي الربيع"
    assert visual[1].level == 1


def test_emoji_are_drawn_in_colour() -> None:
    canvas = Image.new("RGB", (300, 120), WHITE)

    draw_line(canvas, (10, 90), "Ana 🎉🚀", 60, True, INK)

    saturated = [px for px in canvas.get_flattened_data() if max(px) - min(px) > 80]
    assert len(saturated) > 200


def test_text_is_never_drawn_as_tofu_on_a_card() -> None:
    # The whole multi-script card: every run of every line picks a real glyph.
    card = content(
        person_name="Дмитрий 山田 محمد שרה 🎉",
        campaign_title="Ἀθῆναι remix",
        org_name="Zoë & Co",
    )
    for text in (card.person_name, "for " + card.campaign_title, "by " + card.org_name):
        for run in split_runs(text, True):
            assert not any(
                _is_tofu(run.face, ch) for ch in run.text if not attaches(ch) and not ch.isspace()
            )
    assert decode_png(render_card(card, CARD_SIZES["story"])).size == (1080, 1920)


def test_cards_still_render_without_the_noto_fonts_installed() -> None:
    # A developer machine without Debian's fonts falls back to Pillow's built-in font.
    script = (
        "import cocreate.lib.cards.fonts as fonts\n"
        "fonts.FONT_DIRS = ()\n"
        "from cocreate.lib.cards import CardContent, render_card\n"
        "card = CardContent('Winner', 'Zoë 山田 🎉', 'Remix', 'Acme', '#FFD400', None)\n"
        "png = render_card(card)\n"
        "assert png.startswith(b'\\x89PNG')\n"
    )

    subprocess.run([sys.executable, "-W", "error", "-c", script], check=True)


# --- readable colours -----------------------------------------------------------------


def test_dark_text_on_yellow_and_white_text_on_navy() -> None:
    assert text_color_for(parse_hex("#FFD400")) == INK
    assert text_color_for(parse_hex("#1B2A6B")) == WHITE
    assert contrast_ratio(INK, parse_hex("#FFD400")) >= MIN_CONTRAST
    assert contrast_ratio(WHITE, parse_hex("#1B2A6B")) >= MIN_CONTRAST


def test_a_brand_colour_that_already_passes_is_used_unchanged() -> None:
    assert readable_panel(parse_hex("#1B2A6B")) == (parse_hex("#1B2A6B"), WHITE)


@given(st.tuples(*[st.integers(0, 255)] * 3))
def test_every_brand_colour_gets_text_with_at_least_4_5_to_1(brand: tuple[int, int, int]) -> None:
    panel, text = readable_panel(brand)

    assert text in (WHITE, INK)
    assert contrast_ratio(panel, text) >= MIN_CONTRAST


def _close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


# --- remix credits ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
def test_a_remix_card_credits_what_it_builds_on(name: str) -> None:
    plain = content(entry_image=None)
    credited = content(entry_image=None, credit="remix of Beach still by Acme Outdoor")
    assert plain.fingerprint(TEMPLATE_VERSION) != credited.fingerprint(TEMPLATE_VERSION)
    size = CARD_SIZES[name]
    with_credit = decode_png(render_card(credited, size))
    without = decode_png(render_card(plain, size))
    assert with_credit.size == without.size == size
    assert with_credit.tobytes() != without.tobytes()  # the credit line is drawn


# --- the organization's logo -----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
def test_the_logo_is_drawn_in_every_format(name: str) -> None:
    size = CARD_SIZES[name]
    without = decode_png(render_card(content(entry_image=None), size))
    with_logo = decode_png(render_card(content(entry_image=None, logo_image=logo_png(LOGO_GREEN)),
                                       size))

    assert with_logo.size == size
    assert _pixels_near(with_logo, LOGO_GREEN[:3]) > 200
    assert _pixels_near(without, LOGO_GREEN[:3]) == 0


def _pixels_near(image: Image.Image, color: tuple[int, ...], tolerance: int = 30) -> int:
    diff = ImageChops.difference(image, Image.new("RGB", image.size, color)).split()
    farthest = ImageChops.lighter(ImageChops.lighter(diff[0], diff[1]), diff[2])
    return farthest.point(lambda v: 255 if v <= tolerance else 0).histogram()[255]


def test_an_unreadable_logo_is_left_out_instead_of_failing_the_card() -> None:
    broken = content(logo_image=b"\x89PNG\r\n\x1a\n not really a picture")

    assert render_card(broken) == render_card(content())


@pytest.mark.parametrize(
    ("mark", "tile"),
    [((20, 20, 90, 255), WHITE), ((255, 255, 255, 255), INK), ((250, 210, 0, 255), INK)],
    ids=["dark-mark", "white-mark", "yellow-mark"],
)
def test_the_logo_tile_contrasts_with_the_mark_on_it(
    mark: tuple[int, int, int, int], tile: tuple[int, int, int]
) -> None:
    logo = Image.open(BytesIO(logo_png(mark))).convert("RGBA")

    assert tile_color(logo) == tile


def test_an_opaque_logo_sits_on_a_white_frame() -> None:
    logo = Image.new("RGBA", (300, 100), (200, 30, 30, 255))

    assert tile_color(logo) == WHITE


# --- entry and profile cards: the same properties in all three formats -----------------

ENTRY = {
    "badge_label": "Idea",
    "headline": "A picnic table that folds into a kayak",
    "stat": "128 votes",
    "logo_image": logo_png(LOGO_GREEN),
}


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
@pytest.mark.parametrize(
    "kind",
    [
        ENTRY,
        {**ENTRY, "entry_image": None, "avatar_image": jpeg((40, 160, 200), (300, 300))},
        {"badge_label": "", "campaign_title": "", "org_name": "", "entry_image": None,
         "stat": "3 entries · 5 badges"},
    ],
    ids=["entry", "entry-no-image", "profile"],
)
def test_entry_and_profile_cards_are_pngs_of_exactly_each_size(
    name: str, kind: dict[str, object]
) -> None:
    data = render_card(content(**kind), CARD_SIZES[name])

    assert decode_png(data).size == CARD_SIZES[name]
    assert Image.open(BytesIO(data)).format == "PNG"


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
def test_an_entry_card_shows_its_figure_and_byline(name: str) -> None:
    size = CARD_SIZES[name]
    drawn = _drawn_texts(content(**ENTRY), size)

    assert ENTRY["headline"] in " ".join(drawn)
    assert "by Zoë Łukasiewicz" in drawn
    assert "in Spring Remix Challenge" in drawn
    assert "Acme Outdoor" in drawn  # next to its logo, without "by"
    assert render_card(content(**ENTRY), size) != render_card(
        content(**{**ENTRY, "stat": "129 votes"}), size
    )


LONG_TEXTS = {
    "person_name": "Maria José da Conceição Fernandes Albuquerque محمد الفلاني 山田太郎 🎉",
    "campaign_title": LONG_TITLE,
    "org_name": "Acme Outdoor International Holdings & Subsidiaries of the Northern Hemisphere",
    "credit": "remix of " + ", ".join(["Beach still by Acme Outdoor"] * 6),
    "badge_label": "Crowd favourite of the whole campaign season",
}
SHORT_TEXTS = {
    "person_name": "A", "campaign_title": "B", "org_name": "C", "credit": "", "badge_label": "D",
}


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
@pytest.mark.parametrize(
    "kind",
    [{}, {"logo_image": logo_png(LOGO_GREEN)},
     {**ENTRY, "headline": "Wolfeschlegelsteinhausenbergerdorff " + LONG_TITLE,
      "stat": "1,234,567 votes and counting"}],
    ids=["badge", "badge-logo", "entry"],
)
def test_no_text_is_drawn_outside_the_column(name: str, kind: dict[str, object]) -> None:
    # Long texts and short ones differ only where text goes: that must stay in the column.
    size = CARD_SIZES[name]
    frame = frame_for(size, dense=bool(kind.get("headline")))
    long = decode_png(render_card(content(**{**kind, **LONG_TEXTS}), size))
    short = decode_png(render_card(content(**{**kind, **SHORT_TEXTS}), size))

    ink = ImageChops.difference(long, short).convert("L").point(lambda v: 255 if v > 8 else 0)
    left, top, right, bottom = ink.getbbox() or (0, 0, 0, 0)
    slack = frame.px(4)  # antialiasing and glyphs that overhang their advance a little
    c_left, c_top, c_right, c_bottom = frame.column
    assert left >= c_left - slack and right <= c_right + slack, (left, right, frame.column)
    assert top >= c_top - slack and bottom <= c_bottom + slack, (top, bottom, frame.column)


def _drawn_texts(card: CardContent, size: tuple[int, int]) -> list[str]:
    """Every line of the column's texts as drawn (after fitting), in order."""
    drawn: list[str] = []
    original = column.draw_line

    def spy(canvas: Image.Image, xy: tuple[float, float], text: str, *args: object) -> float:
        drawn.append(text)
        return original(canvas, xy, text, *args)  # type: ignore[arg-type]

    column.draw_line = spy  # type: ignore[assignment]
    try:
        render_card(card, size)
    finally:
        column.draw_line = original  # type: ignore[assignment]
    return drawn


NAMES_TO_DRAW = {
    "latin": "Zoë Łukasiewicz",
    "cyrillic": "Дмитрий Иванов",
    "cjk": "山田太郎",
    "arabic": "محمد الفلاني",
    "hebrew": "שרה כהן",
    "emoji": "Ana 🎉🚀",
}


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
@pytest.mark.parametrize("script", sorted(NAMES_TO_DRAW))
@pytest.mark.parametrize("entry", [False, True], ids=["badge", "entry"])
def test_the_name_is_drawn_whole_with_real_glyphs_in_every_format(
    name: str, script: str, entry: bool
) -> None:
    person = NAMES_TO_DRAW[script]
    card = content(person_name=person, **(ENTRY if entry else {}))

    drawn = _drawn_texts(card, CARD_SIZES[name])

    assert (f"by {person}" if entry else person) in drawn  # whole, not cut or wrapped
    for text in drawn:
        for run in split_runs(text, True) + split_runs(text, False):
            tofu = [ch for ch in run.text
                    if not attaches(ch) and not ch.isspace() and _is_tofu(run.face, ch)]
            assert not tofu, (script, name, text, run.face.file)


# --- content-derived keys, per format --------------------------------------------------


def test_card_keys_are_derived_from_the_content_and_the_format() -> None:
    keys = {fmt: share_cards.card_key(content(**ENTRY), fmt) for fmt in share_cards.FORMATS}

    assert set(keys) == {"og", "square", "story"}
    assert len(set(keys.values())) == 3
    fingerprint = content(**ENTRY).fingerprint(TEMPLATE_VERSION)
    assert all(key == f"cards/{fingerprint}-{fmt}.png" for fmt, key in keys.items())
    assert keys == {fmt: share_cards.card_key(content(**ENTRY), fmt) for fmt in keys}
    changed = content(**{**ENTRY, "person_name": "Zoë Ł."})
    assert share_cards.card_key(changed, "og") != keys["og"]


@pytest.mark.parametrize("name", sorted(CARD_SIZES))
def test_equal_content_renders_to_identical_bytes(name: str) -> None:
    size = CARD_SIZES[name]

    assert render_card(content(**ENTRY), size) == render_card(content(**ENTRY), size)


def test_a_word_too_long_for_a_line_is_cut_and_the_words_after_it_follow() -> None:
    text = "Wolfeschlegelsteinhausenbergerdorff the magnificent pavilion"

    fitted = fit_text(text, width=400, max_size=60, min_size=40, max_lines=3, bold=True)

    assert fitted.lines[0].endswith(ELLIPSIS)
    assert "magnificent" in " ".join(fitted.lines[1:])
    assert all(line_width(line, fitted.size, True) <= 400 for line in fitted.lines)


def test_a_photo_taken_sideways_is_drawn_upright() -> None:
    image = Image.new("RGB", (300, 200), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # rotate 90° clockwise to view
    out = BytesIO()
    image.save(out, "JPEG", exif=exif)

    assert decode(out.getvalue()).size == (200, 300)
    assert decode(jpeg((200, 30, 30))).size == (800, 500)
