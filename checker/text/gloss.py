"""Whether a name is introduced on purpose as another name of the thing, right before it:
"North Korea, formally known as the Democratic People's Republic of Korea", "also called",
"a.k.a.", "a/k/a". A form written so is the writer's choice, not a slip or a lapse of style.
(An abbreviation defined in brackets, "the United States (US)", is not one: its form should
be the article's usual one.)"""

from __future__ import annotations

import regex

from checker.patterns.compiled import compiled

#: How far before a name its introduction is looked for.
REACH = 60
_GLOSS = compiled(r"(?:\b(?:formally|officially|also|otherwise|sometimes|commonly|better|previously|formerly)"
                  r"\s+(?:known\s+as|called|named|styled|referred\s+to\s+as)|\ba\.?/?k\.?/?a\b\.?)\s*(?:the\s+)?"
                  # the name's first words before the one read, perhaps in quotation marks: "a/k/a 'Ahmad Rahimi'"
                  r"(?:[\"'“‘]\s*)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}$",
                  regex.IGNORECASE)


def introduced_as_another_name(source: str, start: int) -> bool:
    """Whether the name at ``start`` of ``source`` follows such an introduction."""
    return _GLOSS.search(source, max(0, start - REACH), start) is not None
