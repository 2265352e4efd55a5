"""The rule file ``checker learn-furniture`` writes: one ``site-furniture`` rule, meant to be
read by a person before a team commits it.

Header comments say when, from what and with which thresholds the lines were learned; the
same facts are in the rule's ``learned`` field, for tools. Each learned line is one entry of
``lines``: its normal form (what the rule matches), one example as it stood, its site, and
in how many of the site's articles it stands (``articles``, ``share``). Deleting an entry is
how a reviewer keeps a line that is the sites' own text. Strings are written as JSON
strings, which YAML reads as double-quoted strings: no line of an article can break the file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from checker.learn.learner import Learned, Thresholds

DEFAULT_ID = "site-furniture"
MESSAGE = ("A line {site} repeats on {articles} of its pages ({share}, learned from its archive): page "
           "furniture; remove it.")
DESCRIPTION = ("Lines a site's pages repeat, learned from its archive by `checker learn-furniture`: page "
               "furniture a scraper left in the text. Each line was seen in many of the site's articles "
               "(quotations, prose and one-word lines left out), so removing it is a safe fix.")


def _string(text: str) -> str:
    """``text`` as a JSON string, with what YAML does not allow raw in a file (control and
    other unprintable characters, lone surrogates) written as escapes."""
    return "".join(character if character.isprintable() or character == " " else _escape(character)
                   for character in json.dumps(text, ensure_ascii=False))


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def rule_file(learned: Learned, inputs: Sequence[str], thresholds: Thresholds, rule_id: str = DEFAULT_ID,
              when: dt.datetime | None = None) -> str:
    """The text of the rule file for what was learned."""
    when = when or dt.datetime.now(dt.UTC)
    stamp = when.strftime("%Y-%m-%d %H:%M UTC")
    shown_inputs = ", ".join(inputs)
    out = [
        f"# Site furniture learned by `checker learn-furniture` on {stamp}",
        f"# from {shown_inputs}: {learned.articles:,} articles of {len(learned.sites):,} site(s)",
        f"# thresholds: a line in at least {thresholds.min_articles} articles (--min-articles) and at least "
        f"{thresholds.min_share:.0%} of its site's articles (--min-share); table of {thresholds.capacity:,} lines "
        "(--capacity)",
    ]
    out += [f"# note: {note}" for note in learned.notes]
    out += [
        "#",
        "# Review before committing: delete an entry that is the site's own text (a column's",
        "# standing heading, a recurring sign-off the team keeps). A line is matched by its normal",
        "# form: case-folded, white space collapsed, each run of digits written 0.",
        f"id: {_string(rule_id)}",
        "kind: site-furniture",
        "category: boilerplate",
        "severity: warning",
        f"message: {_string(MESSAGE)}",
        f"description: {_string(DESCRIPTION)}",
        "learned:",
        f"  at: {_string(when.strftime('%Y-%m-%dT%H:%M:%SZ'))}",
        f"  inputs: [{', '.join(_string(name) for name in inputs)}]",
        f"  min_articles: {thresholds.min_articles}",
        f"  min_share: {thresholds.min_share}",
        f"  capacity: {thresholds.capacity}",
        "  sites:",
    ]
    out += [f"    {_string(site)}: {count}" for site, count in sorted(learned.sites.items())]
    if not learned.sites:
        out[-1] = "  sites: {}"
    if not learned.lines:
        out.append("lines: []")
        return "\n".join(out) + "\n"
    out.append("lines:")
    site = None
    for line in learned.lines:
        if line.site != site:
            site = line.site
            out.append(f"  # {site}: {learned.sites.get(site, 0):,} articles")
        out += [
            f"  - line: {_string(line.line)}",
            f"    example: {_string(line.example)}",
            f"    site: {_string(line.site)}",
            f"    articles: {line.articles}",
            f"    share: {line.share:.3f}",
        ]
    return "\n".join(out) + "\n"
