"""One line's normal form: what makes two lines of a site's pages one line of furniture.

"Photo 3 of 9" and "PHOTO 4 of 12" are one line: the form is case-folded, its white space
collapsed to single spaces, typographic apostrophes written as plain ones and each run of
digits written as one ``0``. ``checker learn-furniture`` counts lines by it, and the
``site-furniture`` rule kind matches an article's lines by it.
"""

from __future__ import annotations

import hashlib
import re

_DIGITS = re.compile(r"[0-9]+")
_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def normal_line(text: str) -> str:
    """The normal form of one line of text."""
    folded = text.casefold().translate(_APOSTROPHES)
    return _DIGITS.sub("0", _SPACE.sub(" ", folded).strip())


def line_key(site: str, normal: str) -> int:
    """An 8-byte hash of a site and a line's normal form: what the learner counts, so that
    the count of a line costs a small number, not its text."""
    digest = hashlib.blake2b(f"{site}\n{normal}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")
