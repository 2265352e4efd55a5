"""Generate the README's table of built-in rules and one page per rule (``docs/rules/<id>.md``,
the target of every format's help link) from the rule files, so neither can drift.

Run ``python -m checker.docs`` to print the table, ``python -m checker.docs --write`` to
replace the README's copy and the rule pages; ``tests/test_docs.py`` fails when they differ.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from checker.load.collect import builtin_rules_dir, load_rules
from checker.plugin.manager import new_plugin_manager

BEGIN = "<!-- rules-table:begin -->"
END = "<!-- rules-table:end -->"


def builtin_rules() -> list:
    pm = new_plugin_manager()
    kinds: dict = {}
    for provided in pm.hook.checker_rule_kinds():
        kinds.update(provided)
    rules, errors = load_rules([builtin_rules_dir()], kinds)
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


def write_rule_pages(folder: Path) -> list[Path]:
    """Write every built-in rule's page into ``folder``; remove pages of rules that are gone."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    rules = builtin_rules()
    for rule in rules:
        path = folder / f"{rule.id}.md"
        page = rule_page(rule)
        if not path.is_file() or path.read_text(encoding="utf-8") != page:
            path.write_text(page, encoding="utf-8")
            written.append(path)
    names = {f"{rule.id}.md" for rule in rules}
    for stale in folder.glob("*.md"):
        if stale.name not in names:
            stale.unlink()
            written.append(stale)
    return written


def rules_table() -> str:
    rules = builtin_rules()
    lines = ["| id | category | severity | kind | what it catches |", "|---|---|---|---|---|"]
    for rule in sorted(rules, key=lambda r: (r.category, r.id)):
        off = " (off by default)" if not rule.enabled else ""
        lines.append(f"| [`{rule.id}`](docs/rules/{rule.id}.md) | {rule.category} | {rule.severity}{off} | "
                     f"{rule.kind} | {rule.summary().replace('|', '/')} |")
    return "\n".join(lines)


def write_readme(readme: Path) -> bool:
    """Replace the table between the markers in ``readme``; True when it changed."""
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{BEGIN}\n{rules_table()}\n{END}{tail}"
    if new == text:
        return False
    readme.write_text(new, encoding="utf-8")
    return True


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        root = Path(__file__).resolve().parent.parent
        target = root / "README.md"
        print(f"{target}: {'updated' if write_readme(target) else 'up to date'}")
        changed = write_rule_pages(root / "docs" / "rules")
        print(f"docs/rules: {len(changed)} page(s) written or removed")
    else:
        print(rules_table())
