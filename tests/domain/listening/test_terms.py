"""The terms of a text: its words and two-word phrases, case-folded, without stopwords, links
or phrases across punctuation, grouped by stem so word forms count as one."""

from __future__ import annotations

from cocreate.services.listening import terms


def labels(*texts: str) -> list[str]:
    return [term.label for term in terms.extract(*texts)]


def test_word_forms_count_as_one_term_labelled_as_first_written():
    found = terms.extract("Vegan cookies please", "a VEGAN cookie")

    assert [(t.key, t.label) for t in found] == [
        ("vegan", "vegan"), ("vegan cooki", "vegan cookies"), ("cooki", "cookies")]


def test_stopwords_short_words_links_and_punctuation_break_phrases():
    assert labels("I want the oat milk, not soy! See https://example.com/soy-milk") == [
        "oat", "oat milk", "milk", "soy"]


def test_any_script_counts_but_digits_do_not():
    assert labels("Café crème 2024 über") == ["café", "café crème", "crème", "crème über",
                                              "über"]
