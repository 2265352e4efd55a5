"""The results cache: an unchanged file under unchanged rules is not checked again.

Like ruff's and pytest's, it is a folder (``.checker_cache`` beside the configuration file,
or ``--cache-dir``/``CHECKER_CACHE_DIR``; ``--no-cache`` turns it off). An entry's key is a
hash of the file's name and decoded text and of the session's *fingerprint*: the checker's
version and code, every collected rule's definition, the loaded plugins' code and every
setting that changes findings (plugins' own options included). Any change there is a
different fingerprint, so old entries are simply never read again; deleting the folder is
always safe.

The folder can come with a checkout, so its entries are never taken on trust: each is
authenticated with an HMAC under a key kept in the user's cache folder
(``checker.cache.folders.secret_key``, mode 0600), over the fingerprint, the entry's key
and its findings. An entry that does not verify (forged, copied from another article or
another user's cache, damaged) is a miss: the file is checked again and the entry
rewritten. Without a key (a read-only home) there is no cache.

Entries are written atomically (temporary file, then rename) and a damaged or unreadable
entry is a miss, so concurrent runs and ``-j`` workers can share one cache. Only clean
checks are stored: a file whose check raised a problem (a rule that timed out, a plugin
that failed) is checked again next time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.about import __version__
from checker.cache.codestamp import code_files, stamp_lines
from checker.cache.folders import secret_key
from checker.finding import Finding
from checker.read.inputs import CACHE_TAG

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.kinds.base import Rule

FORMAT = "v2"
#: Options that change how a run is reported, not an article's findings: left out of the
#: fingerprint. Every other option, a plugin's included, is in it.
REPORTING_OPTIONS = frozenset({
    "paths", "format", "output", "quiet", "color", "debug", "list_rules", "fail_on", "exit_zero", "fix",
    "unsafe_fixes", "diff", "jobs", "no_cache", "cache_dir", "no_progress", "stdin_filename", "timings",
    "config", "no_config",
})
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is the checker's results cache.\n"


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.root = folder
        self.fingerprint = fingerprint
        self.folder = folder / FORMAT / fingerprint[:20]
        self._made: set[str] = set()
        self._secret = secret_key()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(name: str, text: str) -> str:
        digest = hashlib.sha256(os.path.abspath(name).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _seal(self, key: str, body: bytes) -> bytes:
        assert self._secret is not None
        message = f"{FORMAT}\0{self.fingerprint}\0{key}\0".encode() + body
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest().encode()

    def get(self, key: str) -> list[Finding] | None:
        """The findings stored for ``key``, or None: no entry, or one this user's key does
        not authenticate (read as a miss, so the file is checked and the entry rewritten)."""
        if self._secret is None:
            self.misses += 1
            return None
        try:
            seal, _, body = self._path(key).read_bytes().partition(b"\n")
            if not hmac.compare_digest(seal, self._seal(key, body)):
                raise ValueError("not authenticated")
            data = json.loads(body)
            findings = [Finding.from_dict(item) for item in data["findings"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def put(self, key: str, findings: list[Finding]) -> None:
        """Store quietly: a cache that cannot be written only costs speed."""
        if self._secret is None:
            return
        path = self._path(key)
        body = json.dumps({"findings": [f.to_dict() for f in findings]}, ensure_ascii=False).encode("utf-8",
                                                                                                    "surrogatepass")
        try:
            if key[:2] not in self._made:
                if not self.root.exists():
                    _create(self.root)
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(key[:2])
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(self._seal(key, body) + b"\n" + body)
            os.replace(temporary, path)
        except OSError:
            return


def _create(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / CACHE_TAG).write_text(_TAG, encoding="utf-8")
    (root / ".gitignore").write_text("# Created by checker\n*\n", encoding="utf-8")


def _extractor_stamp(config: Config) -> str | None:
    """Which trafilatura reads the pages (path, size and time of its package's first file;
    found, not imported): another version may find another article."""
    if config.html.extractor != "trafilatura":
        return None
    import importlib.util

    try:
        spec = importlib.util.find_spec("trafilatura")
    except (ImportError, ValueError):
        return None
    origin = spec.origin if spec is not None else None
    if not origin:
        return None
    try:
        return b"".join(stamp_lines([Path(origin)])).decode("utf-8", "surrogatepass")
    except OSError:
        return None


def fingerprint(plugins: Iterable[object], rules: Sequence[Rule], config: Config,
                input_format: str | None) -> str | None:
    """A hash of everything besides the file itself that decides its findings: the loaded
    ``plugins``' and the rule kinds' code, the ``rules`` and the settings that change findings.
    (The session's parts, not the session: the cache is below the engine that uses it.)"""
    digest = hashlib.sha256(f"checker {__version__} {FORMAT}\n".encode())
    modules = [getattr(plugin, "__name__", None) or type(plugin).__module__ for plugin in plugins]
    kinds = [type(rule).__module__ for rule in rules]
    try:
        for line in stamp_lines(code_files([*modules, *kinds])):
            digest.update(line)
    except OSError:
        return None  # code that vanished under a running checker: no cache for this run
    for rule in sorted(rules, key=lambda r: r.id):
        kind = type(rule)
        spec = json.dumps(rule.spec, sort_keys=True, default=str)
        digest.update(f"{rule.id} {kind.__module__}.{kind.__qualname__} {spec}\n".encode("utf-8", "surrogatepass"))
    settings: dict[str, Any] = {
        "options": {name: value for name, value in sorted(vars(config.options).items())
                    if name not in REPORTING_OPTIONS},
        "select": config.select,
        "ignore": config.ignore,
        "builtin_rules": config.builtin_rules,
        "time_limit": config.time_limit,
        "max_size": config.max_size,
        "severity": {k: str(v) for k, v in sorted(config.severity.items())},
        "per_path_ignores": config.per_path_ignores,
        "warn_unused_suppressions": config.warn_unused_suppressions,
        "regex_timeout": config.regex_timeout,
        "fields": config.fields,
        "encoding": config.encoding,
        "html": [config.html.extractor, config.html.comments, _extractor_stamp(config)],
        "input_format": input_format,
        "root": str(config.root),
    }
    try:
        digest.update(json.dumps(settings, sort_keys=True, default=str).encode("utf-8", "surrogatepass"))
    except (TypeError, ValueError):
        return None  # a plugin's option value that cannot be written down: no cache for this run
    return digest.hexdigest()
