"""Wire datelines the parser takes for a sentence's subject.

"GUSAU, Nigeria - Armed men stormed…", "BANGKOK (Reuters) - An alliance of armies said…": the parser often
makes the dateline city the subject and hangs the story's real subject on it as an apposition. Argument
finding (who acted) and modality (who said so) both need the phrase after the dash.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.coding.dates import MONTHS


def undateline(tok: Token) -> Token:
    """'GUSAU, Nigeria - Armed men stormed…': a dateline city parsed as the subject (or as the head the
    story's subject hangs on, as apposition or conjunct) stands for the phrase after its dash; with no dash,
    for its apposition."""
    if dateline_word(tok) or _dateline_month(tok):
        aps = [c for c in tok.children if c.dep_ in ("appos", "conj")]
        # (the subject may hang on the dateline's country: "GOMA, Congo, Feb 2 (Wire) - M23 rebels clashed")
        aps += [c for c in tok.conjuncts if c.i > tok.i and all(c.i != a.i for a in aps)]
        # "BANGKOK (Reuters) - A Myanmar military air strike…": the agency and the subject may both hang
        # on the dateline; the subject is the one after the dash
        after = [c for c in aps if dash_between(tok, c)]
        ap = after[0] if after else next((c for c in aps if c.dep_ == "appos"), None)
        if ap is not None:
            return _past_agency(ap)
    return tok


DASHES = ("-", "–", "—")


def dateline_word(tok: Token) -> bool:
    """The head word of a dateline opening the sentence, of one word or a few ("BEIRUT", "PORT SUDAN",
    "ABU DHABI", "PORT-AU-PRINCE")."""
    start = tok.sent.start
    return (tok.is_upper and len(tok.text) > 2 and tok.i - start < 5
            and all((t.is_upper and t.is_alpha) or (t.text == "-" and not t.whitespace_)
                    for t in tok.doc[start:tok.i + 1]))


def spaced_dash(tok: Token) -> bool:
    """A dash standing apart, as a dateline's does ("BANGKOK, April 11 - Ethnic Karen rebels"), not a
    hyphen inside a word ("Waker-Uz-Zaman", "Kurdish-led")."""
    return tok.text in DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def dash_between(tok: Token, later: Token) -> bool:
    """Whether a dash stands between tok and the phrase that later heads, or a spaced one between tok and
    later itself: in "KADUNA, Nigeria, March 7 - Gunmen abducted" the parser may take the date and its dash
    into the subject's phrase."""
    doc = tok.doc
    return any(doc[k].text in DASHES and (k < later.left_edge.i or spaced_dash(doc[k]))
               for k in range(tok.i + 1, later.i))


def story_subject(noun: Token) -> Token | None:
    """The subject of a story that the parser hung on its wire dateline, where noun is that dateline or the
    subject itself: 'OUAGADOUGOU (AFP) - Jihadist fighters killed…' ('fighters', with 'killed' on them as if
    it described them), 'BAMAKO, March 2 (Reuters) - Malian soldiers … killed…' (the verb on the dateline);
    None for any other noun."""
    tok = noun
    while tok.dep_ == "appos" and tok.head.i < tok.i:
        tok = tok.head
    if tok.i != noun.i and dateline_word(tok) and dash_between(tok, noun):
        return noun
    subject = undateline(noun)
    return subject if subject.i != noun.i else None


def _dateline_month(tok: Token) -> bool:
    """The month of a dateline's date, which the parser may make the subject instead of the city:
    "BOGOTA, Jan 17 (Wire) - Colombian President Gustavo Petro suspended..."."""
    # (the city may even fall in the sentence before: the parser splits after it)
    return (tok.text.rstrip(".").lower() in MONTHS and tok.text[:1].isupper() and tok.i - tok.sent.start < 8
            and any(t.is_upper and t.is_alpha and len(t) > 2 for t in tok.doc[max(0, tok.i - 5):tok.i]))


def _past_agency(ap: Token) -> Token:
    """'MOGADISHU, March 4 (Reuters) - Al-Shabaab militants stormed…': the parser hangs the subject on the
    agency as a further apposition; the phrase after the dateline's dash is the subject, not the agency."""
    while True:
        nxt = next((c for c in ap.children if c.dep_ == "appos" and c.i > ap.i and dash_between(ap, c)), None)
        if nxt is None:
            return ap
        ap = nxt
