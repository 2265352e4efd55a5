"""Generate the documentation that must not drift from the code: the table of built-in
rules (``docs/rules/index.md``) and one page per rule (``docs/rules/<id>.md``, the target of every format's
help link), from the rule files; and the kind reference (``docs/kinds.md``), from the kinds'
declarations (their docstrings, ``HONOURED``, and each field's ``Option``).

Run ``python -m checker.docs`` to print the table, ``python -m checker.docs --write`` to
replace the index's copy, the rule pages and the kind reference, ``python -m checker.docs
--check`` to list what is stale (exit 1); ``tests/test_docs.py`` fails when any differs.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

from checker.kinds.base import COMMON_OPTIONS, OPTIONAL_FIELDS, Option, Rule
from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.manager import new_plugin_manager

BEGIN = "<!-- rules-table:begin -->"
END = "<!-- rules-table:end -->"
ROOT = Path(__file__).resolve().parent.parent
KINDS_PAGE = Path("docs") / "kinds.md"
RULE_PAGES = Path("docs") / "rules"
#: The page of the rule table; every other page of ``RULE_PAGES`` is one rule's.
RULES_INDEX = RULE_PAGES / "index.md"


def builtin_kinds() -> dict[str, type[Rule]]:
    """The kinds the checker registers itself (through the same hook as a team's plugin)."""
    pm = new_plugin_manager()
    kinds: dict[str, type[Rule]] = {}
    for provided in pm.hook.checker_rule_kinds():
        kinds.update(provided)
    return kinds


def builtin_rules() -> list:
    rules, errors = load_rules([builtin_rules_dir()], builtin_kinds())
    if errors:
        raise SystemExit("\n".join(str(e) for e in errors))
    return sorted(rules, key=lambda r: r.id)


def rule_page(rule: Any) -> str:
    """The Markdown page of one rule: what it catches, its settings, its examples."""
    fix = {"safe": "safe (applied by `--fix`)", "unsafe": "unsafe (applied with `--fix --unsafe-fixes`)",
           "none": "none"}[rule.fix_level]
    off = "" if rule.enabled else " (off by default)"
    lines = [f"# {rule.id}", "", rule.description or rule.summary(), "",
             "| category | severity | kind | fix |", "|---|---|---|---|",
             f"| {rule.category} | {rule.severity}{off} | {rule.kind} | {fix} |",
             "", f"Message: {rule.message}", ""]
    for key, title in (("bad", "Flagged"), ("good", "Not flagged")):
        examples = rule.examples.get(key, [])
        if examples:
            lines += [f"## {title}", ""]
            for example in examples:
                lines += ["```text", str(example).rstrip("\n"), "```", ""]
    lines += ["Suppress it in an article with `<!-- checker-disable-next-line " + rule.id + " -->`, or turn it off",
              f"with `ignore: [{rule.id}]` in the configuration.", ""]
    return "\n".join(lines)


def session_rule_page(rule_id: str) -> str:
    """The page of a finding the run itself makes (``parse-error``, ``unused-suppression``): the
    target of its help link in SARIF, as a rule's page is."""
    from checker.report.sarif import SESSION_RULE_GUIDES, SESSION_RULES

    category, level, text = SESSION_RULES[rule_id]
    return "\n".join([f"# {rule_id}", "", text, "", "| category | severity | kind | fix |", "|---|---|---|---|",
                      f"| {category} | {level} | (the run itself) | none |", "",
                      f"No rule file makes this finding: the checker reports it itself. "
                      f"See [{SESSION_RULE_GUIDES[rule_id]}](../{SESSION_RULE_GUIDES[rule_id]}).", ""])


def all_rule_pages() -> dict[str, str]:
    """File name to page, for every built-in rule and every finding the run itself makes."""
    from checker.report.sarif import SESSION_RULES

    pages = {f"{rule.id}.md": rule_page(rule) for rule in builtin_rules()}
    pages.update({f"{rule_id}.md": session_rule_page(rule_id) for rule_id in SESSION_RULES})
    return pages


def write_rule_pages(folder: Path) -> list[Path]:
    """Write every built-in rule's page into ``folder``; remove pages of rules that are gone."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    pages = all_rule_pages()
    for name, page in pages.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != page:
            path.write_text(page, encoding="utf-8")
            written.append(path)
    names = set(pages)
    for stale in folder.glob("*.md"):
        if stale.name not in names and stale.name != RULES_INDEX.name:
            stale.unlink()
            written.append(stale)
    return written


def rules_table() -> str:
    rules = builtin_rules()
    lines = ["| id | category | severity | kind | what it catches |", "|---|---|---|---|---|"]
    for rule in sorted(rules, key=lambda r: (r.category, r.id)):
        off = " (off by default)" if not rule.enabled else ""
        lines.append(f"| [`{rule.id}`]({rule.id}.md) | {rule.category} | {rule.severity}{off} | "
                     f"{rule.kind} | {rule.summary().replace('|', '/')} |")
    return "\n".join(lines)


def write_rules_index(index: Path) -> bool:
    """Replace the table between the markers in ``index``; True when it changed."""
    text = index.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{BEGIN}\n{rules_table()}\n{END}{tail}"
    if new == text:
        return False
    index.write_text(new, encoding="utf-8")
    return True


# ---- the kind reference ------------------------------------------------------------------
TYPE_WORDS = {str: "string", list: "list", dict: "mapping", bool: "true/false", int: "integer", float: "number"}


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a ``|`` would end the cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _type(option: Option) -> str:
    types = option.type if isinstance(option.type, tuple) else (option.type,)
    return " or ".join(TYPE_WORDS.get(t, t.__name__) for t in types)


def _yaml(value: Any, inside: bool = False) -> str:
    """A default as a rule file would write it (``inside`` a list or mapping: quoted where a
    plain string would be read otherwise)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if not value:
            return '""'
        plain = not inside or not any(character in value for character in "[]{},:#'\"")
        return value if plain else "'" + value.replace("'", "''") + "'"
    if isinstance(value, list):
        shown = ", ".join(_yaml(item, inside=True) for item in value[:4])
        return f"[{shown}, ...] ({len(value)} entries)" if len(value) > 4 else f"[{shown}]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_yaml(k, True)}: {_yaml(v, True)}" for k, v in value.items()) + "}"
    return str(value)


def _default(option: Option, value: Any = None) -> str:
    value = option.default if value is None else value
    return "" if value is None else f"`{_yaml(value)}`"


def _table(rows: list[tuple[str, Option, Any]]) -> list[str]:
    """``rows``: a field's name, its Option, and its default where the kind gives its own."""
    lines = ["| field | type | default | required | meaning |", "|---|---|---|---|---|"]
    for name, option, default in rows:
        lines.append(f"| `{name}` | {_type(option)} | {_cell(_default(option, default))} | "
                     f"{'yes' if option.required else ''} | {_cell(_help(option))} |")
    return lines


def _help(option: Option) -> str:
    """What a field means, and the least value it takes when it has one."""
    return option.help if option.minimum is None else f"{option.help} (at least {option.minimum})"


def _description(kind: type[Rule]) -> str:
    """The kind's docstring, in Markdown (reST's double backticks made single)."""
    return inspect.cleandoc(kind.__doc__ or "").replace("``", "`")


def _kind_defaults(kind: type[Rule]) -> dict[str, Any]:
    """The defaults of the optional common fields that each kind sets for itself."""
    return {"scope": kind.default_scope, "fix": kind.default_fix, "ignorecase": kind.default_ignorecase}


def kind_section(kind: type[Rule]) -> list[str]:
    """The reference of one kind: what it does, the common fields it honours, its own fields."""
    honoured = [f for f in OPTIONAL_FIELDS if f in kind.HONOURED]
    refused = [f for f in OPTIONAL_FIELDS if f not in kind.HONOURED]
    defaults = _kind_defaults(kind)
    shown = [f"`{f}`" + (f" (default `{_yaml(defaults[f])}`)" if f in defaults else "") for f in honoured]
    lines = [f"## `{kind.name}`", "", _description(kind), "",
             f"- Honours: {', '.join(shown) or 'none of the optional common fields'}.",
             f"- Refuses: {', '.join(f'`{f}`' for f in refused) or 'none of the optional common fields'}."]
    if "scope" in kind.HONOURED and tuple(kind.SCOPES) != tuple(Rule.SCOPES):
        lines.append(f"- Scopes: {', '.join(f'`{s}`' for s in kind.SCOPES)}.")
    lines += [f"- Placeholders: {', '.join(f'`{{{p}}}`' for p in sorted(kind.PLACEHOLDERS))}.", ""]
    if kind.OPTIONS:
        lines += [*_table([(name, option, None) for name, option in kind.OPTIONS.items()]), ""]
    for value, options in kind.SELECTED_OPTIONS.items():
        lines += [f"### `{kind.SELECTOR}: {value}`", ""]
        if options:
            lines += [*_table([(name, option, None) for name, option in options.items()]), ""]
        else:
            lines += ["No fields of its own.", ""]
    return lines


def kinds_page(kinds: dict[str, type[Rule]] | None = None) -> str:
    """The kind reference, ``docs/kinds.md``: every kind and every field it takes."""
    kinds = builtin_kinds() if kinds is None else kinds
    ordered = [kinds[name] for name in sorted(kinds)]
    lines = [
        "# Rule kinds", "",
        "<!-- Generated by `python -m checker.docs --write` from the kinds' docstrings and field declarations "
        "(checker/kinds/); do not edit. -->", "",
        "Every rule file names its `kind`, which decides what the rule's other fields mean. A field the kind "
        "does not take, or an optional common field it does not honour, is refused when the rule file is "
        "loaded: the error names the file, the rule and the field, and the run ends with exit code 4.", "",
        "## Common fields", "",
        "Every rule takes these. " + ", ".join(f"`{f}`" for f in OPTIONAL_FIELDS) + " are optional: each kind "
        "says below which of them it honours, and the defaults it gives them.", "",
        *_table([(name, option, None) for name, option in COMMON_OPTIONS.items()]), "",
        "## Kinds", "",
        "| kind | honours | what it does |", "|---|---|---|",
    ]
    for kind in ordered:
        summary = _description(kind).split("\n\n", 1)[0].replace("\n", " ")  # the docstring's summary
        honoured = ", ".join(f for f in OPTIONAL_FIELDS if f in kind.HONOURED) or "none"
        lines.append(f"| [`{kind.name}`](#{kind.name}) | {honoured} | {_cell(summary)} |")
    lines.append("")
    for kind in ordered:
        lines += kind_section(kind)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_kinds_page(path: Path) -> bool:
    """Write the kind reference to ``path``; True when it changed."""
    page = kinds_page()
    if path.is_file() and path.read_text(encoding="utf-8") == page:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return True


def stale(root: Path = ROOT) -> list[str]:
    """What ``--write`` would change under ``root``: the rule table, rule pages, the kind reference."""
    found = []
    index = (root / RULES_INDEX).read_text(encoding="utf-8")
    if index.split(BEGIN, 1)[1].split(END, 1)[0].strip() != rules_table():
        found.append(f"{RULES_INDEX} (rule table)")
    pages = all_rule_pages()
    folder = root / RULE_PAGES
    present = {path.name for path in folder.glob("*.md")} - {RULES_INDEX.name}
    for name in sorted(present | set(pages)):
        path = folder / name
        if name not in pages or name not in present or path.read_text(encoding="utf-8") != pages[name]:
            found.append(str(RULE_PAGES / name))
    kinds = root / KINDS_PAGE
    if not kinds.is_file() or kinds.read_text(encoding="utf-8") != kinds_page():
        found.append(str(KINDS_PAGE))
    return found


def main(arguments: list[str]) -> int:
    if arguments == ["--write"]:
        print(f"{RULES_INDEX}: {'updated' if write_rules_index(ROOT / RULES_INDEX) else 'up to date'}")
        changed = write_rule_pages(ROOT / RULE_PAGES)
        print(f"{RULE_PAGES}: {len(changed)} page(s) written or removed")
        print(f"{KINDS_PAGE}: {'updated' if write_kinds_page(ROOT / KINDS_PAGE) else 'up to date'}")
        return 0
    if arguments == ["--check"]:
        found = stale()
        for name in found:
            print(f"{name} is out of date: run python -m checker.docs --write", file=sys.stderr)
        return 1 if found else 0
    if arguments:
        print("usage: python -m checker.docs [--write | --check]", file=sys.stderr)
        return 2
    print(rules_table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
