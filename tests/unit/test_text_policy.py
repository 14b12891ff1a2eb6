"""The one text policy: control characters are never text; line breaks only where a text may
hold several lines, and then always as LF."""

from __future__ import annotations

import pytest

from cocreate.lib.text import (
    has_control_characters,
    normalise_newlines,
    text_problem,
    without_control_characters,
)


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1f"])
def test_control_characters_are_refused_in_every_text(character):
    assert has_control_characters(f"Solar{character}roof")
    assert text_problem(f"Solar{character}roof", multiline=True) == (
        "cannot contain control characters (such as NUL)")
    assert text_problem(f"Solar{character}roof", multiline=False) == (
        "cannot contain control characters (such as NUL)")


def test_line_breaks_are_refused_in_one_line_text_and_kept_in_longer_text():
    for broken in ("Ana\nBcc: x@example.test", "Ana\rMaria", "Ana\r\nMaria"):
        assert text_problem(broken, multiline=False) == "must be on one line"
        assert text_problem(broken, multiline=True) is None


def test_tabs_accents_emoji_and_right_to_left_text_are_text():
    for fine in ("Ana\tMaria", "Crème brûlée", "梅子", "مرحبا", "🥭 mango", ""):
        assert not has_control_characters(fine)
        assert text_problem(fine, multiline=False) is None


def test_line_breaks_become_lf_whatever_was_sent():
    assert normalise_newlines("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"


def test_what_a_refused_form_shows_again_has_no_control_characters():
    assert without_control_characters("Sol\x00ar\x1b roof\n\tok") == "Solar roof\n\tok"
