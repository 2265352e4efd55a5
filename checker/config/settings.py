"""Configuration: ``[tool.checker]`` in pyproject.toml or ``.checker.yaml``, merged with the command line.

The file is found by walking up from the current directory; paths in it are relative to
the file's folder. Keys may be written with dashes or underscores.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.about import DOCS_URL
from checker.errors import UsageError
from checker.finding import Severity
from checker.read.html_reading import HtmlReading, parse_extractor
from checker.read.inputs import DEFAULT_MAX_SIZE

CONFIG_NAMES = (".checker.yaml", ".checker.yml", "pyproject.toml")
LOCAL_PLUGIN = "checkerconf.py"
#: What marks a repository's root, where the search for a configuration file stops.
REPOSITORY_MARKERS = (".git", ".hg")

KNOWN_KEYS = {
    "rules": list,
    "builtin_rules": bool,
    "select": list,
    "ignore": list,
    "severity": dict,
    "plugins": list,
    "fail_on": str,
    "per_path_ignores": dict,
    "exclude": list,
    "regex_timeout": (int, float),
    "warn_unused_suppressions": bool,
    "docs_url": str,
    "fields": dict,
    "cache_dir": str,
    "time_limit": (int, float),
    "max_size": (int, str),
    "jobs": (int, str),
    "html_extractor": str,
    "html_comments": bool,
    "baseline": str,
    "rule_options": dict,
}


@dataclass
class Problem:
    """Something that went wrong outside the findings: a bad rule file, a crashing plugin."""

    kind: str  # "config", "rule", "plugin", "internal"
    message: str


@dataclass
class Config:
    options: argparse.Namespace = field(default_factory=argparse.Namespace)
    root: Path = field(default_factory=Path.cwd)
    config_file: Path | None = None
    rule_dirs: list[Path] = field(default_factory=list)
    builtin_rules: bool = True
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.ERROR
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    #: Seconds one pattern of a team's rule may spend on one text (None: no limit, ``0`` in settings).
    regex_timeout: float | None = 2.0
    #: Seconds one rule or plugin hook may spend on one article (0: no limit).
    time_limit: float = 30.0
    #: Collect each rule's time per article (``--timings``).
    timings: bool = False
    #: Where the built-in hook adds up the current article's rule times, when collecting.
    rule_timings: dict[str, float] | None = None
    #: Largest input read, in bytes, after gzip decompression (0: no limit).
    max_size: int = DEFAULT_MAX_SIZE
    warn_unused_suppressions: bool = False
    #: The baseline file whose accepted findings are hidden (``checker.filter.baseline``).
    baseline: Path | None = None
    #: Options of collected rules set by the configuration (``rule-options``): rule id -> the
    #: kind's option names (underscores) and values, applied when the rules are collected.
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Where this run writes its findings as a baseline (``--write-baseline``).
    write_baseline: Path | None = None
    #: Worker processes for a run over several inputs (``jobs:``; ``-j`` on the command line wins);
    #: None: not set, the run decides (see ``checker.cli.default_jobs``).
    jobs: int | None = None
    #: Link to a rule's documentation; ``{id}`` is replaced by the rule id.
    docs_url: str = DOCS_URL
    #: Record fields of JSON and JSON Lines inputs: part -> names looked for, in order.
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    encoding: str = "utf-8"
    #: How HTML pages (and records whose body is a page) are read.
    html: HtmlReading = field(default_factory=HtmlReading)
    stdin_filename: str = "<stdin>"
    #: Where the results cache lives (None: no cache).
    cache_dir: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    pluginmanager: Any = None

    def display_name(self, path: str) -> str:
        """How an input is named in reports (standard input by ``--stdin-filename``)."""
        return self.stdin_filename if path == "-" else path

    def rule_url(self, rule_id: str, link: str = "") -> str:
        """A rule's documentation: its own ``link`` if it has one, else ``docs_url``."""
        return link or self.docs_url.replace("{id}", rule_id)

    def problem(self, kind: str, message: str) -> None:
        self.problems.append(Problem(kind, message))

    @property
    def local_plugin(self) -> Path | None:
        if self.config_file is None:
            return None
        candidate = self.config_file.parent / LOCAL_PLUGIN
        return candidate if candidate.is_file() else None


def find_config_file(start: Path) -> tuple[Path | None, dict[str, Any]]:
    """The nearest configuration file at or above ``start`` and its raw settings. The walk
    stops at the repository root (a folder holding ``.git`` or ``.hg``), so a repository
    never takes its configuration, or the code beside it, from the folder it sits in."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            section = read_config_file(candidate)
            if section is None:
                continue
            return candidate, section
        if is_repository_root(folder):
            break
    return None, {}


def is_repository_root(folder: Path) -> bool:
    """A folder holding ``.git`` (a folder, or a file in a worktree or submodule) or ``.hg``."""
    return any(os.path.lexists(folder / marker) for marker in REPOSITORY_MARKERS)


def read_config_file(path: Path) -> dict[str, Any] | None:
    """The raw settings of one configuration file; None for a ``pyproject.toml`` without
    a ``[tool.checker]`` table."""
    if path.name == "pyproject.toml":
        import tomllib  # only where there is a TOML file to read (a few ms to import)

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise UsageError(f"not valid TOML: {error}", source=str(path)) from None
        return data.get("tool", {}).get("checker")
    return load_yaml_config(path)


def load_yaml_config(path: Path) -> dict[str, Any]:
    from checker.config.yamlsafe import load_yaml

    data = load_yaml(path, UsageError)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UsageError("must be a mapping of settings", source=str(path))
    return data


def _normalise(raw: dict[str, Any], source: str) -> dict[str, Any]:
    settings = {}
    for key, value in raw.items():
        name = str(key).replace("-", "_")
        if name not in KNOWN_KEYS:
            raise UsageError(f"unknown setting '{key}' (known: {', '.join(sorted(KNOWN_KEYS))})", source=source)
        if not isinstance(value, KNOWN_KEYS[name]) or (isinstance(value, bool) and KNOWN_KEYS[name] is not bool):
            raise UsageError(f"setting '{key}' has the wrong type: {value!r}", source=source)
        settings[name] = value
    return settings


def parse_rule_options(raw: dict[Any, Any], source: str | None) -> dict[str, dict[str, Any]]:
    """``rule-options``: a rule id to a mapping of its kind's options and their values (option
    names may use dashes). Whether each rule and option exists, and each value's type, is
    checked when the rules are collected (``Session.apply_rule_options``)."""
    parsed: dict[str, dict[str, Any]] = {}
    for rule_id, values in raw.items():
        if not isinstance(rule_id, str) or not isinstance(values, dict):
            raise UsageError(f"rule-options: expected a rule id and a mapping of its options, got "
                             f"{rule_id!r}: {values!r}", source=source)
        parsed[rule_id] = {str(name).replace("-", "_"): value for name, value in values.items()}
    return parsed


def parse_severity(value: str, where: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as error:
        raise UsageError(f"{where}: {error}") from None


_SIZE_UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "KIB": 1024, "M": 1024**2, "MB": 1024**2, "MIB": 1024**2,
               "G": 1024**3, "GB": 1024**3, "GIB": 1024**3}


def parse_size(value: Any, where: str, source: str | None = None) -> int:
    """A size in bytes from ``5000000``, ``500K``, ``5MB`` or ``2 GiB``; 0 means no limit.
    Anything else (negative, ``inf``, ``nan``, ``1e400``, not a number) is a ``UsageError``
    naming ``where`` (and the configuration file, ``source``) and the value."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    text = str(value).strip().upper().replace(" ", "")
    number = text.rstrip("BKMGI")
    unit = text[len(number):]
    try:
        amount = float(number)
    except ValueError:
        amount = math.nan
    if not (math.isfinite(amount) and amount >= 0) or unit not in _SIZE_UNITS:
        raise UsageError(f"{where}: expected a size such as 5MB, 500K or 0 (no limit), got {value!r}", source=source)
    return int(amount * _SIZE_UNITS[unit])


#: The longest time limit taken, in seconds (about 11 days): far longer ones overflow the
#: timer (``setitimer``) or the regex module's clock, and 0 already means no limit.
MAX_SECONDS = 1_000_000


def parse_seconds(value: Any, where: str, source: str | None = None) -> float:
    """A time limit in seconds (``time-limit``, ``regex-timeout``); 0 means no limit. A
    negative, infinite or NaN value, one over ``MAX_SECONDS`` or not a number is a
    ``UsageError`` naming ``where`` (and the configuration file, ``source``) and the value."""
    try:
        seconds = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        seconds = math.nan
    if not (math.isfinite(seconds) and 0 <= seconds <= MAX_SECONDS):
        raise UsageError(f"{where}: expected a number of seconds from 0 (no limit) to {MAX_SECONDS:,}, "
                         f"got {value!r}", source=source)
    return seconds


def available_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def workers_fork() -> bool:
    """Worker processes are forked from the ready session (Linux), rather than spawned and
    each building the session again (macOS, Windows), which costs a start-up per worker."""
    return sys.platform.startswith("linux")


def parse_jobs(value: Any, where: str) -> int:
    """A number of worker processes from ``4``, ``"4"`` or ``"auto"`` (one per CPU)."""
    if value == "auto":
        return available_cpus()
    try:
        jobs = int(value) if not isinstance(value, bool | float) else -1
    except ValueError:
        raise UsageError(f"{where} expects a number or auto, got {value!r}") from None
    if jobs < 1:
        raise UsageError(f"{where} must be a whole number of at least 1, or auto, got {value!r}")
    return jobs


def build_config(options: argparse.Namespace, cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    config_path = getattr(options, "config", None)
    if config_path:
        path = Path(config_path)
        if not path.is_file():
            raise UsageError(f"configuration file not found: {path}")
        if path.suffix == ".toml":
            import tomllib  # only where there is a TOML file to read (a few ms to import)

            try:
                raw = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("checker", {})
            except tomllib.TOMLDecodeError as error:
                raise UsageError(f"not valid TOML: {error}", source=str(path)) from None
        else:
            raw = load_yaml_config(path)
        found: Path | None = path.resolve()
    elif getattr(options, "no_config", False):
        found, raw = None, {}
    else:
        found, raw = find_config_file(cwd)
    settings = _normalise(raw, str(found) if found else "configuration")
    base = found.parent if found else cwd
    config = Config(options=options, root=base, config_file=found)

    config.rule_dirs = [base / str(d) for d in settings.get("rules", [])]
    config.builtin_rules = settings.get("builtin_rules", True)
    config.select = [str(s) for s in settings.get("select", [])]
    config.ignore = [str(s) for s in settings.get("ignore", [])]
    config.severity = {str(k): parse_severity(str(v), f"severity of {k}")
                       for k, v in settings.get("severity", {}).items()}
    config.plugins = [str(p) for p in settings.get("plugins", [])]
    config.per_path_ignores = {str(k): [str(r) for r in (v if isinstance(v, list) else [v])]
                               for k, v in settings.get("per_path_ignores", {}).items()}
    config.exclude = [str(e) for e in settings.get("exclude", [])]
    where = str(found) if found else None
    config.regex_timeout = parse_seconds(settings.get("regex_timeout", 2.0), "regex-timeout", where) or None
    config.time_limit = parse_seconds(settings.get("time_limit", 30.0), "time-limit", where)
    config.max_size = parse_size(settings.get("max_size", DEFAULT_MAX_SIZE), "max-size", where)
    config.warn_unused_suppressions = settings.get("warn_unused_suppressions", False)
    config.baseline = base / str(settings["baseline"]) if settings.get("baseline") else None
    config.rule_options = parse_rule_options(settings.get("rule_options") or {}, where)
    config.jobs = parse_jobs(settings["jobs"], "jobs setting") if "jobs" in settings else None
    config.docs_url = settings.get("docs_url", DOCS_URL)
    if "fail_on" in settings:
        config.fail_on = parse_severity(settings["fail_on"], "fail-on")

    # The command line wins over the file.
    config.rule_dirs += [Path(d) for d in getattr(options, "rules", None) or []]
    if getattr(options, "no_builtin_rules", False):
        config.builtin_rules = False
    config.select += getattr(options, "select", None) or []
    config.ignore += getattr(options, "ignore", None) or []
    for item in getattr(options, "severity_override", None) or []:
        rule, _, level = item.partition("=")
        if not level:
            raise UsageError(f"--severity expects RULE=LEVEL, got {item!r}")
        config.severity[rule] = parse_severity(level, f"--severity {rule}")
    if getattr(options, "fail_on", None):
        config.fail_on = parse_severity(options.fail_on, "--fail-on")
    if getattr(options, "warn_unused_suppressions", False):
        config.warn_unused_suppressions = True
    if getattr(options, "baseline", None):
        config.baseline = Path(options.baseline)
    if getattr(options, "no_baseline", False):
        config.baseline = None
    if getattr(options, "write_baseline", None):
        config.write_baseline = Path(options.write_baseline)
    if getattr(options, "regex_timeout", None) is not None:
        config.regex_timeout = parse_seconds(options.regex_timeout, "--regex-timeout") or None
    config.timings = bool(getattr(options, "timings", False))
    if getattr(options, "time_limit", None) is not None:
        config.time_limit = parse_seconds(options.time_limit, "--time-limit")
    if getattr(options, "max_size", None) is not None:
        config.max_size = parse_size(options.max_size, "--max-size")
    from checker.read.records import parse_fields

    config.fields = parse_fields(getattr(options, "field", None) or [], settings.get("fields"))
    config.encoding = getattr(options, "encoding", None) or "utf-8"
    extractor = settings.get("html_extractor", HtmlReading.extractor)
    extractor = parse_extractor(getattr(options, "html_extractor", None) or extractor,
                                "html-extractor", None if getattr(options, "html_extractor", None) else where)
    comments = bool(getattr(options, "html_comments", False) or settings.get("html_comments", False))
    config.html = HtmlReading(extractor, comments)
    config.stdin_filename = getattr(options, "stdin_filename", None) or "<stdin>"
    if not getattr(options, "no_cache", False):
        cache = getattr(options, "cache_dir", None) or os.environ.get("CHECKER_CACHE_DIR")
        config.cache_dir = Path(cache) if cache else base / str(settings.get("cache_dir", ".checker_cache"))
    return config
