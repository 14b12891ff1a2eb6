"""Terms of a text: its words and two-word phrases, case-folded, without stopwords, grouped
by their stems so "cookie" and "cookies" count as one term."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import snowballstemmer
from stop_words import get_stop_words

MAX_TERMS = 200  # per text: a very long one still writes a bounded number of rows
MAX_LENGTH = 80
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
# Words of letters (any script), with inner apostrophes or hyphens: "don't", "low-sugar".
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_BREAK = re.compile(r"[.!?;:,()\[\]\"“”\n]+")  # a phrase never spans these


@dataclass(frozen=True)
class Term:
    key: str  # the stems, e.g. "vegan cooki"
    label: str  # as written, case-folded, e.g. "vegan cookies"


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(word.replace("’", "'") for word in get_stop_words("english"))


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def _meaningful(word: str) -> bool:
    return len(word) > 2 and word.replace("’", "'") not in _stopwords()


def extract(*texts: str) -> list[Term]:
    """The distinct terms of the texts: single words, then pairs of neighbouring words with
    no stopword or punctuation between them. The first spelling of a term is its label."""
    found: dict[str, Term] = {}
    for text in texts:
        for run in _BREAK.split(_URL.sub(" ", text.casefold())):
            words = _WORD.findall(run)
            stems = _stemmer().stemWords(words)
            for i, word in enumerate(words):
                if not _meaningful(word):
                    continue
                found.setdefault(stems[i], Term(stems[i], word))
                if i + 1 < len(words) and _meaningful(words[i + 1]):
                    key, label = f"{stems[i]} {stems[i + 1]}", f"{word} {words[i + 1]}"
                    if len(label) <= MAX_LENGTH:
                        found.setdefault(key, Term(key, label))
    return [t for t in found.values() if len(t.label) <= MAX_LENGTH][:MAX_TERMS]
