"""Collecting YAML rules from folders: one rule per file, validated when loaded."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checker.errors import RuleError
from checker.kinds.base import Rule
from checker.patterns import snapshot

RULE_SUFFIXES = (".yaml", ".yml")


def builtin_rules_dir() -> Path:
    """The built-in rule folder: inside the installed package, or ``rules/`` in a checkout."""
    packaged = Path(__file__).parent.parent / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "rules"


def rule_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise RuleError("rule folder not found", source=str(folder))
    return sorted(p for p in folder.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def load_rule(path: Path, kinds: dict[str, type[Rule]]) -> Rule:
    # Imported here: YAML (about 10 ms to import) is read only when the rules do not come
    # from their snapshot.
    from checker.config.yamlsafe import load_yaml

    spec = load_yaml(path)
    if spec is None:
        raise RuleError("empty rule file", source=str(path))
    if not isinstance(spec, dict):
        raise RuleError(f"a rule file must be a mapping of fields, not a {type(spec).__name__}", source=str(path))
    kind = spec.get("kind")
    if kind is None:
        raise RuleError(f"field 'kind' is required (one of: {', '.join(sorted(kinds))})", source=str(path))
    if kind not in kinds:
        raise RuleError(f"unknown kind {kind!r} (known: {', '.join(sorted(kinds))})", source=str(path))
    try:
        return kinds[kind](spec, source=str(path))
    except RecursionError:
        # A kind's own parsing of a deeply nested value or pattern: it costs only this rule.
        raise RuleError(f"rule {spec.get('id', '?')!r} nests too deeply to load (a pattern or value nested "
                        "thousands deep)", source=str(path)) from None


def load_rules(folders: Iterable[Path], kinds: dict[str, type[Rule]]) -> tuple[list[Rule], list[RuleError]]:
    """Load every rule file; a bad file is returned as an error and the others still load.

    A set of files that loaded cleanly before comes from its snapshot (``checker.patterns.snapshot``)."""
    errors: list[RuleError] = []
    files: list[Path] = []
    for folder in folders:
        try:
            files.extend(rule_files(folder))
        except RuleError as error:
            errors.append(error)
    saved = snapshot.snapshot_path(files, kinds) if not errors else None
    rules = snapshot.load(saved)
    if isinstance(rules, list) and all(isinstance(rule, Rule) for rule in rules):
        return rules, errors
    rules = []
    for path in files:
        try:
            rules.append(load_rule(path, kinds))
        except RuleError as error:
            errors.append(error)
    if not errors:
        snapshot.save(saved, rules)
    return rules, errors


def check_unique(rules: list[Rule]) -> tuple[list[Rule], list[RuleError]]:
    seen: dict[str, Rule] = {}
    unique, errors = [], []
    for rule in rules:
        if rule.id in seen:
            errors.append(RuleError(f"rule id '{rule.id}' is already defined in {seen[rule.id].source}",
                                    source=rule.source))
            continue
        seen[rule.id] = rule
        unique.append(rule)
    return unique, errors
