"""Generate the README's table of built-in rules from the rule files, so it cannot drift.

Run ``python -m checker.docs`` to print the table, ``python -m checker.docs --write`` to
replace the README's copy; ``tests/test_docs.py`` fails when the README's copy differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker.collect import builtin_rules_dir, load_rules
from checker.plugins import new_plugin_manager

BEGIN = "<!-- rules-table:begin -->"
END = "<!-- rules-table:end -->"


def rules_table() -> str:
    pm = new_plugin_manager()
    kinds: dict = {}
    for provided in pm.hook.checker_rule_kinds():
        kinds.update(provided)
    rules, errors = load_rules([builtin_rules_dir()], kinds)
    if errors:
        raise SystemExit("\n".join(str(e) for e in errors))
    lines = ["| id | category | severity | kind | what it catches |", "|---|---|---|---|---|"]
    for rule in sorted(rules, key=lambda r: (r.category, r.id)):
        off = " (off by default)" if not rule.enabled else ""
        lines.append(f"| `{rule.id}` | {rule.category} | {rule.severity}{off} | {rule.kind} | "
                     f"{rule.summary().replace('|', '/')} |")
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
        target = Path(__file__).resolve().parent.parent / "README.md"
        print(f"{target}: {'updated' if write_readme(target) else 'up to date'}")
    else:
        print(rules_table())
