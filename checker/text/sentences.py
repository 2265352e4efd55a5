"""Sentence splitting for news text.

Keeps abbreviations ("Mr.", "Feb.", "Gen."), dotted acronyms ("U.S.", "U.S.A.") and
initials ("Thomas F. Veale") inside one sentence, and keeps a closing quotation mark
with the sentence it closes.
"""

from __future__ import annotations

from checker.patterns.compiled import compiled

ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cmdr", "adm", "gov",
        "sen", "rep", "reps", "sens", "pres", "supt", "st", "jr", "sr", "rev", "hon", "fr", "messrs", "mt", "ft", "ave",
        "blvd", "rd", "inc", "co", "corp", "ltd", "llc", "bros", "dept", "univ", "assn", "est", "vs", "etc", "al",
        "approx", "no", "nos", "vol", "fig", "op", "cit", "ca", "cf", "ed", "eds", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
        "sat", "sun", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
        "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
        "tex", "va", "vt", "wash", "wis", "wyo"
    ]
)

# Words that commonly open a sentence; after "U.S." they mark a real sentence end.
SENTENCE_STARTERS = frozenset(
    [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That", "These",
        "Those", "There", "His", "Her", "Its", "Their", "Our", "Mr", "Mrs", "Ms", "Dr", "After", "Before", "When",
        "While", "If", "As", "For"
    ]
)

_CANDIDATE = compiled(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])""")
#: The token that ends where the punctuation starts, searched backwards from there ((?r)): a
#: forward search tried every start from the beginning of the text, quadratic in a paragraph.
_TOKEN_BEFORE = compiled(r"(?r)([\p{L}\p{N}.]+)$")
_NEXT_WORD = compiled(r"""\s+["'“‘(\[]?([\p{L}\p{N}]+)""")


def _is_boundary(text: str, end_of_punct: int, match_start: int) -> bool:
    if text[match_start] != ".":
        return True
    token_match = _TOKEN_BEFORE.search(text, 0, match_start)
    if not token_match:
        return True
    token = token_match.group(1)
    bare = token.rstrip(".")
    if not bare:
        return True
    lower = bare.lower()
    if "." in bare or (len(bare) == 1 and bare.isalpha() and bare.isupper()):
        # Dotted acronym (U.S., U.S.A.) or an initial: a boundary only before a typical opener.
        if len(bare) == 1 and not bare.isupper():
            return True
        next_word = _NEXT_WORD.match(text, end_of_punct)
        return bool(next_word and next_word.group(1) in SENTENCE_STARTERS and len(bare) > 1)
    return lower not in ABBREVIATIONS


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text``, shifted by ``base``.

    Offsets exclude surrounding white space; the union covers every non-space character.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if _is_boundary(text, end, match.start()):
            spans.append((start, end))
            start = end
    spans.append((start, len(text)))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.append((s + base, e + base))
    return result
