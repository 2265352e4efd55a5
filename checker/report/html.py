"""``--format html``: one self-contained page an editor reads in a browser.

Each flagged article is shown as its own text with every finding highlighted in place
(colour by category, underline by severity, the rule, message and suggestion on hover or
focus), two-place findings linked both ways, and the list of findings below it. A summary
with bar charts (inline SVG, drawn here), filters by category, severity and rule, a search
over article names and keyboard shortcuts come with it. Nothing is loaded from anywhere:
the styles and the script are inline, and a Content-Security-Policy forbids everything else,
so even a page whose escaping failed could run no script but the report's own.

Articles are written as they are checked (memory stays flat); the summary and the filters,
known only at the end, are written last and shown first (CSS order; the script also moves
them first in the document, so the keyboard reaches them first).
"""

from __future__ import annotations

import html
import itertools
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import IO, TYPE_CHECKING

from checker.about import __version__
from checker.finding import Finding, Location
from checker.report.safe import printable, printable_block

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.engine.session import FileResult, Session

#: Clean articles listed by name in the summary; beyond this they are only counted.
MAX_CLEAN_NAMES = 10_000
#: Colours of the built-in categories; a plugin's category gets one from the spare ones.
CATEGORY_COLOURS = {
    "duplicate": "#f4b860", "boilerplate": "#9ec5fe", "entity": "#f1a7d0", "consistency": "#b5e0a8",
    "contradiction": "#f28b82", "metadata": "#d7c4f5", "style": "#e2e3e5",
}
SPARE_COLOURS = ("#ffe08a", "#a8e6e2", "#f9c6a8", "#c9d7a8", "#c8c8f0", "#f0c8e0")
SEVERITIES = ("error", "warning", "info")


def esc(text: str) -> str:
    """Text for an element or an attribute value: ``& < > " '`` all escaped."""
    return html.escape(text, quote=True)


def visible(text: str) -> str:
    """A name, message or quotation from the articles, as the page shows it: control
    characters and bidirectional overrides escaped visibly (``checker.report.safe``), then
    escaped for HTML."""
    return esc(printable(text))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "x"


@dataclass
class _Place:
    """One highlighted span: a finding's own location or one of its related places."""

    start: int
    end: int
    finding: int
    related: int  # -1: the finding's own location


def _places(findings: Sequence[Finding], length: int) -> list[_Place]:
    places = []
    for index, finding in enumerate(findings):
        for related, where in enumerate((finding.location, *finding.related), start=-1):
            start = min(max(where.offset, 0), length)
            places.append(_Place(start, min(max(where.offset + where.length, start), length), index, related))
    return places


def _segments(places: list[_Place]) -> list[tuple[int, int, list[_Place]]]:
    """Cut the text at every place's start and end: (start, end, places covering it), in
    order, by one sweep. A zero-length place (an insertion point) is a segment of its own,
    placed before any span that starts where it is."""
    points = [p for p in places if p.start == p.end]
    spans = sorted((p for p in places if p.end > p.start), key=lambda p: p.start)
    cuts = sorted({p.start for p in spans} | {p.end for p in spans} | {p.start for p in points})
    segments: list[tuple[int, int, list[_Place]]] = [(p.start, p.start, [p]) for p in points]
    active: list[_Place] = []
    waiting = 0
    for left, right in itertools.pairwise(cuts):
        while waiting < len(spans) and spans[waiting].start <= left:
            active.append(spans[waiting])
            waiting += 1
        active = [p for p in active if p.end > left]
        if active:
            segments.append((left, right, list(active)))
    segments.sort(key=lambda s: (s[0], s[1] > s[0]))
    return segments


def count_text(value: float) -> str:
    return f"{int(value)}"


def seconds_text(value: float) -> str:
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"


def bar_chart(title: str, rows: Sequence[tuple[str, float, str]], shown: Callable[[float], str] = count_text) -> str:
    """A horizontal bar chart as inline SVG: one row per (label, value, CSS class)."""
    if not rows:
        return ""
    top = max(value for _, value, _ in rows) or 1
    row_height, label_width, bar_width = 20, 200, 240
    height = row_height * len(rows) + 4
    parts = [f'<figure class="chart"><figcaption>{esc(title)}</figcaption>'
             f'<svg role="img" aria-label="{esc(title)}" width="{label_width + bar_width + 90}" height="{height}" '
             f'viewBox="0 0 {label_width + bar_width + 90} {height}">']
    for row, (label, value, css) in enumerate(rows):
        y = row * row_height + 2
        width = max(2, round(bar_width * value / top))
        label_value = shown(value)
        parts.append(f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end">{visible(label[:30])}</text>'
                     f'<rect class="{css}" x="{label_width}" y="{y + 3}" width="{width}" height="{row_height - 6}">'
                     f'<title>{visible(label)}: {label_value}</title></rect>'
                     f'<text x="{label_width + width + 6}" y="{y + 14}">{label_value}</text>')
    parts.append("</svg></figure>")
    return "".join(parts)


class HtmlReporter:
    #: The session keeps each article's text on its result for this reporter.
    needs_text = True

    def __init__(self, config: Config, stream: IO[str]) -> None:
        self.config = config
        self.stream = stream
        self.nonce = secrets.token_urlsafe(16)
        self.articles = 0
        self.clean: list[str] = []
        self.unreadable: list[tuple[str, str]] = []
        self.categories: dict[str, str] = {}
        self.rules: dict[str, tuple[str, str]] = {}  # rule -> (category, severity)

    # ---- the page ----------------------------------------------------------------------
    def start(self, session: Session) -> None:
        csp = (f"default-src 'none'; style-src 'nonce-{self.nonce}'; script-src 'nonce-{self.nonce}'; "
               "img-src data:; base-uri 'none'; form-action 'none'")
        style = resources.files("checker.report").joinpath("html.css").read_text(encoding="utf-8")
        self.stream.write(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>checker report</title>\n<style nonce=\"{self.nonce}\">\n{style}</style></head>\n"
            '<body><a class="skip" href="#articles">Skip to the articles</a>\n'
            '<main id="articles" aria-label="Flagged articles">\n'
        )

    def file_done(self, result: FileResult) -> None:
        if result.error:
            self.unreadable.append((result.path, result.error))
            return
        if not result.findings:
            if len(self.clean) < MAX_CLEAN_NAMES:
                self.clean.append(result.path)
            return
        text = getattr(result, "text", None)
        self.stream.write(self.article(self.articles, result.path, text, result.findings))
        self.articles += 1

    def finish(self, session: Session) -> None:
        summary = session.summary
        self.stream.write("</main>\n")
        self.stream.write(self.summary_section(session))
        self.stream.write(self.controls())
        self.stream.write('<div id="tip" role="tooltip" hidden></div>\n')
        script = resources.files("checker.report").joinpath("html.js").read_text(encoding="utf-8")
        self.stream.write(f'<script nonce="{self.nonce}">\n{script}</script>\n')
        self.stream.write(f"<footer>checker {esc(__version__)} · {summary.files} inputs · "
                          f"{session.duration:.2f} s · exit code {int(session.exit_code)}</footer>\n")
        self.stream.write("</body></html>\n")

    # ---- one article -------------------------------------------------------------------
    def category_class(self, category: str) -> str:
        if category not in self.categories:
            colour = CATEGORY_COLOURS.get(category)
            if colour is None:
                spare = len([c for c in self.categories if c not in CATEGORY_COLOURS])
                colour = SPARE_COLOURS[spare % len(SPARE_COLOURS)]
            self.categories[category] = colour
        return f"c-{slug(category)}"

    def article(self, number: int, name: str, text: str | None, findings: Sequence[Finding]) -> str:
        ident = f"a{number}"
        for finding in findings:
            self.category_class(finding.category)
            self.rules.setdefault(finding.rule, (finding.category, str(finding.severity)))
        counts = {s: sum(1 for f in findings if str(f.severity) == s) for s in SEVERITIES}
        shown = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
        plural = "s" if len(findings) != 1 else ""
        parts = [f'<section class="article" id="{ident}" data-name="{visible(name).lower()}">'
                 f'<h2><a class="name" href="#{ident}">{visible(name)}</a> '
                 f'<span class="counts">{len(findings)} finding{plural}: {shown}</span></h2>']
        first_mark: dict[tuple[int, int], str] = {}
        if text is not None:
            body, first_mark = self.marked_text(ident, text, findings)
            parts.append(f'<pre class="text">{body}</pre>')
        parts.append(self.finding_list(ident, findings, first_mark))
        parts.append("</section>\n")
        return "".join(parts)

    def marked_text(self, ident: str, text: str, findings: Sequence[Finding]) -> tuple[str, dict[tuple[int, int], str]]:
        places = _places(findings, len(text))
        segments = _segments(places)
        first_mark: dict[tuple[int, int], str] = {}
        for number, (_, _, covering) in enumerate(segments):
            for place in covering:
                first_mark.setdefault((place.finding, place.related), f"{ident}-m{number}")
        out: list[str] = []
        position = 0
        for number, (start, end, covering) in enumerate(segments):
            if start > position:
                out.append(esc(printable_block(text[position:start])))
                position = start
            out.append(self.mark(ident, number, text[max(start, position):end], covering, findings, first_mark))
            position = max(position, end)
        out.append(esc(printable_block(text[position:])))
        return "".join(out), first_mark

    def mark(self, ident: str, number: int, content: str, covering: Sequence[_Place], findings: Sequence[Finding],
             first_mark: dict[tuple[int, int], str]) -> str:
        own = [p for p in covering if p.related < 0]
        lead = findings[(own or list(covering))[0].finding]
        indexes = sorted({p.finding for p in covering})
        # Tokens: "3" for finding 3's own place, "3.0" for its first related place.
        tokens = " ".join(sorted({str(p.finding) if p.related < 0 else f"{p.finding}.{p.related}" for p in covering},
                                 key=lambda t: tuple(int(n) for n in t.split("."))))
        worst = min((str(findings[i].severity) for i in indexes), key=SEVERITIES.index)
        tip = "\n".join(self.tip(findings[i], related=not any(p.finding == i and p.related < 0 for p in covering))
                        for i in indexes)
        twin = ""
        for place in covering:
            me = first_mark.get((place.finding, place.related))
            if me != f"{ident}-m{number}":
                continue  # only a place's first segment jumps
            other = (place.finding, 0) if place.related < 0 else (place.finding, -1)
            if other in first_mark:
                twin = first_mark[other]
                break
        classes = [self.category_class(lead.category), f"s-{worst}"]
        if not own:
            classes.append("related")
        if not content:
            classes.append("point")
        twin_attr = f' data-twin="{twin}"' if twin else ""
        return (f'<mark id="{ident}-m{number}" class="{" ".join(classes)}" tabindex="0" '
                f'data-f="{tokens}" title="{esc(tip)}"{twin_attr}>{esc(printable_block(content))}</mark>')

    @staticmethod
    def tip(finding: Finding, related: bool = False) -> str:
        text = f"{printable(finding.rule)} ({finding.severity}): {printable(finding.message)}"
        if related:
            text = f"other place of {text}"
        if finding.suggestions:
            text += " Suggestion: " + " / ".join(printable(s) if s else "(remove)" for s in finding.suggestions)
        return text

    def finding_list(self, ident: str, findings: Sequence[Finding], first_mark: dict[tuple[int, int], str]) -> str:
        items = []
        for index, finding in enumerate(findings):
            where = self.place_link(first_mark.get((index, -1)), finding.location)
            others = " ".join(self.place_link(first_mark.get((index, n)), loc, "other place ")
                              for n, loc in enumerate(finding.related))
            suggestion = ""
            if finding.suggestions:
                listed = " / ".join(visible(s) if s else "<em>remove</em>" for s in finding.suggestions)
                suggestion = f' <span class="suggestion">→ {listed}</span>'
            items.append(
                f'<li class="finding s-{finding.severity}" data-i="{index}" data-c="{esc(finding.category)}" '
                f'data-s="{finding.severity}" data-r="{esc(finding.rule)}">{where} '
                f'<span class="sev">{finding.severity}</span> <code>{visible(finding.rule)}</code> '
                f'{visible(finding.message)}{suggestion}{" " + others if others else ""}</li>')
        return f'<ol class="findings">{"".join(items)}</ol>'

    @staticmethod
    def place_link(mark: str | None, where: Location, prefix: str = "") -> str:
        label = f"{prefix}{where.line}:{where.column}"
        return f'<a class="place" href="#{mark}">{label}</a>' if mark else f'<span class="place">{label}</span>'

    # ---- summary and controls ----------------------------------------------------------
    def summary_section(self, session: Session) -> str:
        summary = session.summary
        checked = summary.files - summary.errors
        clean = checked - summary.files_with_findings
        colours = "".join(f".c-{slug(c)}{{--c:{colour}}}" for c, colour in self.categories.items())
        parts = [f'<style nonce="{self.nonce}">{colours}</style>',
                 '<section id="summary" aria-label="Summary"><h1>checker report</h1>'
                 '<dl class="totals">'
                 f"<div><dt>checked</dt><dd>{checked}</dd></div>"
                 f'<div><dt>clean</dt><dd>{clean}</dd></div>'
                 f'<div><dt>flagged</dt><dd>{summary.files_with_findings}</dd></div>'
                 f'<div><dt>findings</dt><dd>{summary.findings}</dd></div>'
                 f'<div><dt>not checked</dt><dd>{summary.errors}</dd></div></dl><div class="charts">']
        by_category = sorted(summary.by_category.items(), key=lambda kv: (-kv[1], kv[0]))
        parts.append(bar_chart("Findings per category",
                               [(c, n, self.category_class(c)) for c, n in by_category]))
        by_rule = sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        parts.append(bar_chart("Findings per rule",
                               [(r, n, self.category_class(self.rules.get(r, ("other", ""))[0])) for r, n in by_rule]))
        seconds = summary.rule_seconds
        if seconds:
            slowest = sorted(seconds.items(), key=lambda kv: -kv[1])[:10]
            parts.append(bar_chart("Slowest rules (time over all articles)", [(r, s, "time") for r, s in slowest],
                                   seconds_text))
        parts.append("</div>")
        if self.unreadable:
            rows = "".join(f"<li><span class=\"name\">{visible(path)}</span>: {visible(error)}</li>"
                           for path, error in self.unreadable)
            parts.append(f'<details class="unreadable" open><summary>{len(self.unreadable)} not checked'
                         f"</summary><ul>{rows}</ul></details>")
        if clean:
            more = clean - len(self.clean)
            names = "".join(f'<li class="name">{visible(name)}</li>' for name in self.clean)
            extra = f"<li>and {more} more</li>" if more > 0 else ""
            parts.append(f'<details class="clean"><summary>{clean} clean</summary><ul>{names}{extra}</ul></details>')
        problems = session.config.problems
        if problems:
            rows = "".join(f"<li>{esc(p.kind)}: {visible(p.message)}</li>" for p in problems)
            parts.append(f'<details class="problems" open><summary>{len(problems)} problems</summary>'
                         f"<ul>{rows}</ul></details>")
        parts.append("</section>\n")
        return "".join(parts)

    def controls(self) -> str:
        def boxes(name: str, values: Iterable[tuple[str, str, str]]) -> str:
            return "".join(f'<label class="{css}"><input type="checkbox" name="{name}" value="{esc(value)}" checked '
                           f'autocomplete="off"> {visible(label)}</label>' for value, label, css in values)

        summary_rules = sorted(self.rules)
        categories = boxes("c", [(c, c, f"swatch {self.category_class(c)}") for c in sorted(self.categories)])
        severities = boxes("s", [(s, s, f"s-{s}") for s in SEVERITIES])
        rules = boxes("r", [(r, r, "") for r in summary_rules])
        return ('<nav id="controls" aria-label="Filters and search">'
                '<label class="search">Search articles <input id="search" type="search" '
                'placeholder="name contains… ( / )" autocomplete="off"></label>'
                f'<fieldset><legend>Category</legend>{categories}</fieldset>'
                f'<fieldset><legend>Severity</legend>{severities}</fieldset>'
                f'<details><summary>Rules ({len(summary_rules)})</summary><fieldset class="rules">'
                f'<legend class="sr">Rule</legend>{rules}</fieldset></details>'
                '<p id="shown" aria-live="polite"></p>'
                '<p class="keys">Keys: <kbd>/</kbd> search, <kbd>j</kbd>/<kbd>k</kbd> next/previous article, '
                '<kbd>n</kbd>/<kbd>p</kbd> next/previous highlight, <kbd>Enter</kbd> on a highlight jumps to its '
                "other place.</p></nav>\n")
