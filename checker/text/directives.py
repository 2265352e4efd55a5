"""The checker's inline directives as an article writes them, in its two spellings::

    <!-- checker-disable-next-line duplicate-headline -->   (Markdown, HTML)
    [checker-disable-next-line duplicate-headline]         (plain text)

Read by the suppressions (``checker.filter.suppress``) and by the plain-text reader, for which
a line holding directives only is no part of the article's text (Markdown and HTML readers
leave comments out already).
"""

from __future__ import annotations

from checker.patterns.compiled import compiled

_VERBS = r"disable-next-line|disable-line|disable|enable"
#: A directive in either spelling: its verb (``verb`` or ``verb2``) and the rules after it.
DIRECTIVE = compiled(
    rf"<!--\s*checker-(?P<verb>{_VERBS})\b(?P<args>.*?)-->"
    rf"|\[checker-(?P<verb2>{_VERBS})\b(?P<args2>[^\]\n]*)\]"
)
#: A line of plain text that holds directives in brackets and nothing else.
PLAIN_DIRECTIVE_LINE = compiled(rf"[ \t]*(?:\[checker-(?:{_VERBS})\b[^\]\n]*\][ \t]*)+")
#: What a text holding a directive holds: texts without it are not searched.
MARK = "[checker-"
