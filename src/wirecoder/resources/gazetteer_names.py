"""Name normalisation shared by the gazetteer builder and the toponym matcher.

Both sides must fold a name the same way, or "Dar'a", "Daraa" and "Al-Qamishli" never meet their entries.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophe-like marks are dropped (Dar'a -> dara), not spaced, because transliterations disagree on them.
_DROP = re.compile(r"[’‘`´ʼʻʿʾ'\".]")
_SPACE = re.compile(r"[\-‐‑–—_,/()]+")
# Latin letters Unicode does not decompose into a base letter and a mark, so stripping marks leaves them
# as they are: without these, "Tromsø", "Łódź", "Wrocław" and "Østfold" have no key at all.
_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ŀ": "l",
                          "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"})
# Arabic (and a few other) definite articles that transliterations keep or drop at will.
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|az|at|an|adh|ath|the|le|la|les)\s+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics and punctuation, collapse spaces: the lookup key of a name."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _DROP.sub("", s.lower().translate(_LETTERS))
    s = _SPACE.sub(" ", s)
    return " ".join(s.split())


def strip_article(key: str) -> str:
    """The folded key without a leading article ("al qamishli" -> "qamishli"); key itself if none."""
    stripped = _ARTICLE.sub("", key, count=1)
    return stripped if stripped else key


# Spelling skeletons (spelling_skeleton): an Arabic article as a word of its own, in any of the forms
# transliterations give it ("al", "el", "ash", "ez", "an" ...), or fused to the doubled consonant it
# assimilates to ("Ezzor", "Arraqqa").
_SKELETON_ARTICLE = re.compile(r"\b(?:[aeu]l|il|[aeu][dnrstz]|[aeu](?:sh|th|dh))\s+(?=\w)")
_SKELETON_FUSED = re.compile(r"\b[aeu]([bcdfghjklmnpqrstvwxz])\1")
_SKELETON_VOWEL_Y = re.compile(r"(?<=[aeiou])y")
_SKELETON_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_SKELETON_DOUBLE = re.compile(r"(\w)\1+")
_SKELETON_VOWELS = str.maketrans({"e": "a", "o": "u"})
SKELETON_MIN = 5  # shorter skeletons ("dara", "hama") match too many unrelated names


def spelling_skeleton(key: str) -> str:
    """What every romanisation of a name shares: a folded key without its articles, spaces, doubled
    letters, a final "h" after a vowel, and with e/a, o/u, ee/i, ou/u and vowel-y/i merged.

    Wire copy, GeoNames and the BGN/PCGN system spell the same Arabic, Persian or Kurdish name apart on
    exactly these points: "Deir Ezzor" and "Deir ez-Zor", "Hassakeh" and "Al-Hasakah", "Jisr al-Shughur"
    and "Jisr ash Shughur", "Sulaimaniyah" and "Sulaymaniyah", "Ras al-Ain" and "Ra's al 'Ayn" all meet.
    """
    s = _SKELETON_ARTICLE.sub("", key)
    s = _SKELETON_FUSED.sub(r"\1", s)
    s = s.replace("ee", "i").replace("ou", "u").replace("oo", "u")
    s = _SKELETON_FINAL_H.sub("", s)
    s = _SKELETON_VOWEL_Y.sub("i", s)
    s = s.translate(_SKELETON_VOWELS).replace(" ", "")
    return _SKELETON_DOUBLE.sub(r"\1", s)


def is_latin(key: str) -> bool:
    """True when a folded name is plain ASCII: other scripts are never matched against English text."""
    return key.isascii() and any(c.isalpha() for c in key)


def keys_for(name: str) -> set[str]:
    """Every key a name is indexed under (with and without a leading article)."""
    key = fold(name)
    if not is_latin(key):
        return set()
    return {key, strip_article(key)}


_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_ABBREVIATION = re.compile(r"^[A-Z][a-z]{1,5}\.$")
# Words an initialism skips: "District of Columbia" is "D.C.", "Democratic Republic of the Congo" "D.R.C."
_INITIAL_SKIP = frozenset({"of", "the", "and", "de", "du", "des", "la", "le", "et", "y"})


def is_code(text: str) -> bool:
    """A short code in capitals ("CO", "NSW", "CAR", "U.S."): at most four letters, all upper case."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters) and all(
        c.isalpha() or c == "." for c in text)


def is_abbreviation(text: str) -> bool:
    """A shortened word with its dot ("Mass.", "Calif.", "Sask."), not dotted initials ("D.C.")."""
    return bool(_ABBREVIATION.match(text.strip()))


def dotted_initials(text: str) -> str | None:
    """"DC" for "D.C.", None for anything not written as dotted initials."""
    text = text.strip()
    return text.replace(".", "").upper() if _DOTTED.match(text) else None


def name_initials(name: str) -> str:
    """Initials of a name's words, skipping small joining words: "United Arab Emirates" -> "UAE"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    return "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIP).upper()
