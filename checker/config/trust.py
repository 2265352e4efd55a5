"""Which local code may run: the trust model for ``checkerconf.py`` and ``plugins:`` modules
that live beside a configuration file rather than being installed.

A folder of articles can hold a configuration and Python code of its own. Opening one of
its documents in an editor, or checking a contributor's pull request in CI, must not run
that code unless the user said so, as direnv, mise and VS Code's workspace trust decide.

- ``checker trust PATH`` records the folder in the user's configuration folder
  (``$XDG_CONFIG_HOME/checker/trust.json``, else ``~/.config/checker/trust.json``) with the
  SHA-256 of each ``checkerconf.py`` below it and of each local module a configuration
  there names, so code that changed since (or appeared since) needs trusting again.
- The language server runs local code only from trusted folders, or from folders the
  editor trusts (its ``trustedFolders`` initialization option).
- The command line runs the local code of the project it runs in, as pytest runs
  ``conftest.py``; ``--no-local-plugins`` or ``CHECKER_NO_LOCAL_PLUGINS=1`` make it run only
  trusted code, for CI jobs on outside contributions.

Code that is not run is said once as a note naming the file and the command that trusts it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import site
import sys
import sysconfig
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import UsageError

TRUST_FILE = "trust.json"
#: The environment variable that turns local code off on the command line, as ``--no-local-plugins``.
ENVIRONMENT = "CHECKER_NO_LOCAL_PLUGINS"
#: The language server's initialization option naming folders the editor trusts.
INITIALIZATION_OPTION = "trustedFolders"
LOCAL_PLUGIN = "checkerconf.py"
_FORMAT = 1
#: Folders ``checker trust`` does not look into: version control, environments, caches.
_SKIPPED = {".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__", "site-packages",
            ".checker_cache", ".mypy_cache", ".pytest_cache", ".ruff_cache"}


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/checker``, else ``~/.config/checker``: the user's own settings."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "checker"


def trust_file() -> Path:
    return config_dir() / TRUST_FILE


def real(path: Path | str) -> Path:
    """The path with links resolved: a link into an untrusted folder is that folder."""
    return Path(os.path.realpath(path))


def digest_of(path: Path, source: bytes | None = None) -> str:
    """SHA-256 of a module: of its bytes for a file, of every ``.py`` file (by relative
    name and content) for a package folder."""
    if source is not None:
        return hashlib.sha256(source).hexdigest()
    if not path.is_dir():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    digest = hashlib.sha256(b"package\n")
    for file in sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts):
        digest.update(f"{file.relative_to(path).as_posix()}\0".encode("utf-8", "surrogatepass"))
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


# ---- modules named by a configuration -------------------------------------------------------
def _installed_roots() -> list[Path]:
    roots = {sysconfig.get_paths().get(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")}
    with contextlib.suppress(AttributeError):  # a virtual environment's site module may lack them
        roots.update(site.getsitepackages())
        roots.add(site.getusersitepackages())
    return [real(root) for root in roots if root]


def module_location(name: str, search: Iterable[Path] | None = None) -> Path | None:
    """Where the top-level module of ``name`` would be imported from, without importing
    anything: its file, or its package folder. None when it is built in, frozen or not
    found. ``search``: look only in these folders (``checker trust``, which resolves names
    as a run in the configuration's folder would); else on ``sys.path``."""
    top = name.split(".")[0]
    try:
        if search is None:
            spec = importlib.util.find_spec(top)
        else:
            from importlib.machinery import PathFinder

            spec = PathFinder.find_spec(top, [str(folder) for folder in search])
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.submodule_search_locations:
        locations = list(spec.submodule_search_locations)
        return real(locations[0]) if locations else None
    if spec.origin in (None, "built-in", "frozen"):
        return None
    return real(spec.origin)


def is_installed(location: Path) -> bool:
    """True for a module in the interpreter's library folders (the standard library,
    site-packages): installed by the user, so trusted as the checker itself is."""
    return any(location.is_relative_to(root) for root in _installed_roots())


def local_module(name: str, search: Iterable[Path] | None = None) -> Path | None:
    """The file or package folder of a ``plugins:`` module that is local code (not
    installed), or None for an installed, built-in or missing module."""
    location = module_location(name, search)
    if location is None or is_installed(location):
        return None
    return location


# ---- the trust store ------------------------------------------------------------------------
@dataclass
class TrustedFolder:
    path: str
    #: Absolute path of each code file (or package folder) trusted -> its SHA-256.
    files: dict[str, str] = field(default_factory=dict)
    trusted_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"files": dict(sorted(self.files.items())), "trusted_at": self.trusted_at}


class TrustStore:
    """The folders this user trusts, read from and written to ``trust.json`` (atomically,
    readable and writable by this user alone)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or trust_file()
        self.folders: dict[str, TrustedFolder] = {}
        #: Why the file was not read (damaged, another user's), or "".
        self.unreadable = ""

    @classmethod
    def load(cls, path: Path | None = None) -> TrustStore:
        """The store; one that cannot be trusted itself (another user's, writable by others,
        damaged) is read as empty, with ``unreadable`` saying why: nothing is trusted then."""
        store = cls(path)
        try:
            handle = os.open(store.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            return store
        except OSError as error:
            store.unreadable = f"cannot be read: {error.strerror or error}"
            return store
        with os.fdopen(handle, "rb") as stream:
            status = os.fstat(stream.fileno())
            if hasattr(os, "getuid") and (status.st_uid != os.getuid() or status.st_mode & 0o022):
                store.unreadable = "is another user's or writable by others"
                return store
            try:
                data = json.loads(stream.read())
                for folder, entry in data["folders"].items():
                    store.folders[str(folder)] = TrustedFolder(
                        str(folder), {str(k): str(v) for k, v in entry.get("files", {}).items()},
                        str(entry.get("trusted_at", "")))
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                store.folders = {}
                store.unreadable = f"is damaged ({type(error).__name__}: {error})"
        return store

    def save(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = json.dumps({"version": _FORMAT, "folders": {path: folder.to_dict()
                                                            for path, folder in sorted(self.folders.items())}},
                          indent=2, ensure_ascii=False)
        import tempfile  # only when the trust store is written (a few ms to import)

        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{TRUST_FILE}.")  # mode 0600
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text + "\n")
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def grant(self, folder: Path) -> TrustedFolder:
        """Trust ``folder`` as its code is now."""
        path = real(folder)
        entry = TrustedFolder(str(path), {str(file): digest_of(file) for file in local_code_below(path)},
                              time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        self.folders[str(path)] = entry
        return entry

    def revoke(self, folder: Path) -> bool:
        return self.folders.pop(str(real(folder)), None) is not None

    def holding(self, folder: Path) -> list[TrustedFolder]:
        """The trusted folders at or above ``folder``, nearest first."""
        found = [entry for path, entry in self.folders.items() if folder.is_relative_to(path)]
        return sorted(found, key=lambda entry: len(entry.path), reverse=True)


@contextlib.contextmanager
def locked_store() -> Iterator[TrustStore]:
    """The trust store, locked against another ``checker trust`` changing it meanwhile."""
    folder = config_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    store = TrustStore.load()
    if store.unreadable:
        raise UsageError(f"{store.path} {store.unreadable}; remove it, then trust your folders again")
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield store
        return
    with open(folder / f".{TRUST_FILE}.lock", "a", encoding="utf-8") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        store = TrustStore.load()  # as it is now that no one else writes it
        yield store


def local_code_below(folder: Path) -> list[Path]:
    """Every ``checkerconf.py`` at or below ``folder``, and every local module a configuration
    file there names under ``plugins:``, resolved as a run in that configuration's folder
    resolves it. Links to folders are not followed, nor version control, environment and
    cache folders looked into."""
    from checker.config.settings import CONFIG_NAMES, read_config_file

    found: list[Path] = []
    for current, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in _SKIPPED)
        here = Path(current)
        if LOCAL_PLUGIN in files:
            found.append(here / LOCAL_PLUGIN)
        for name in CONFIG_NAMES:
            if name not in files:
                continue
            try:
                settings = read_config_file(here / name) or {}
            except Exception:  # a bad configuration is reported when it is used, not here
                continue
            plugins = settings.get("plugins") if isinstance(settings, Mapping) else None
            for plugin in plugins if isinstance(plugins, list) else []:
                location = local_module(str(plugin), [here])
                if location is not None and location not in found:
                    found.append(location)
    return found


# ---- the decision ---------------------------------------------------------------------------
class LocalCodePolicy:
    """Whether a run may run local code: all of it (the command line in its own project),
    or only what the user trusts (``--no-local-plugins``, the language server)."""

    def __init__(self, trusted_only: bool, why: str = "", editor_folders: Iterable[Path] = ()) -> None:
        self.trusted_only = trusted_only
        #: Why only trusted code runs, for the note.
        self.why = why
        #: Folders the editor trusts (the language server's initialization option).
        self.editor_folders = [real(folder) for folder in editor_folders]
        self._store: TrustStore | None = None

    @classmethod
    def from_options(cls, options: Any) -> LocalCodePolicy:
        editor = getattr(options, "trusted_folders", None)
        if editor is not None:
            return cls(True, "the language server runs only trusted code", [Path(f) for f in editor])
        if getattr(options, "no_local_plugins", False):
            return cls(True, "local plugins are off (--no-local-plugins)")
        if os.environ.get(ENVIRONMENT, "").strip().lower() not in ("", "0", "false", "no", "off"):
            return cls(True, f"local plugins are off ({ENVIRONMENT} is set)")
        return cls(False)

    @property
    def store(self) -> TrustStore:
        if self._store is None:
            self._store = TrustStore.load()
        return self._store

    def refusal(self, code: Path, configuration_folder: Path, source: bytes | None = None) -> str | None:
        """None when ``code`` (a ``checkerconf.py`` or a local module) may run; else why not,
        and how to trust it, as one sentence for the note. ``source``: the bytes about to be
        run, when already read (so what is checked is what runs)."""
        if not self.trusted_only:
            return None
        folder = real(configuration_folder)
        if any(folder.is_relative_to(trusted) for trusted in self.editor_folders):
            return None
        location = real(code)
        holders = self.store.holding(folder)
        suffix = "" if not self.store.unreadable else f" ({self.store.path} {self.store.unreadable})"
        if not holders:
            return (f"{folder} is not a trusted folder and {self.why}; to run it, trust the folder once with: "
                    f"checker trust {folder}{suffix}")
        try:
            digest = digest_of(location, source)
        except OSError as error:
            return f"it cannot be read ({error.strerror or error})"
        for holder in holders:
            if holder.files.get(str(location)) == digest:
                return None
        holder = holders[0]
        change = "it changed since" if str(location) in holder.files else "it is new since"
        return (f"{change} {holder.path} was trusted and {self.why}; to run it, trust the folder again with: "
                f"checker trust {holder.path}")


# ---- checker trust ---------------------------------------------------------------------------
def main(argv: Iterable[str]) -> int:
    """``checker trust PATH...``, ``checker trust --list``, ``checker trust --revoke PATH...``."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="checker trust",
        description="Trust the local code (checkerconf.py, plugins: modules beside a configuration) of folders, "
                    "so the language server and --no-local-plugins runs may run it. Each file is recorded with "
                    "its SHA-256: code that changes needs trusting again.",
        epilog=f"The list is kept in {trust_file()}.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="folders to trust (or revoke)")
    parser.add_argument("--list", action="store_true", help="list the trusted folders and their code")
    parser.add_argument("--revoke", action="store_true", help="stop trusting the folders given")
    try:
        options = parser.parse_args(list(argv))
    except SystemExit as stop:
        return 0 if stop.code == 0 else 4
    try:
        if options.list:
            if options.paths or options.revoke:
                raise UsageError("--list takes no folders")
            return _list(sys.stdout)
        if not options.paths:
            raise UsageError("give the folders to trust (or --list, or --revoke PATH)")
        with locked_store() as store:
            for path in options.paths:
                _change(store, Path(path), options.revoke)
            store.save()
    except (UsageError, OSError) as error:
        message = str(error) if isinstance(error, UsageError) else f"{error.filename}: {error.strerror or error}"
        sys.stderr.write(f"checker: error: {message}\n")
        return 4
    return 0


def _change(store: TrustStore, path: Path, revoke: bool) -> None:
    if revoke:
        if not store.revoke(path):
            raise UsageError(f"{real(path)} is not trusted (see checker trust --list)")
        sys.stdout.write(f"checker: no longer trusted: {real(path)}\n")
        return
    if not path.is_dir():
        raise UsageError(f"not a folder: {path}")
    entry = store.grant(path)
    names = [os.path.relpath(file, entry.path) for file in entry.files]
    listed = ", ".join(names) if names else "no local code yet (code added later needs trusting again)"
    sys.stdout.write(f"checker: trusted {entry.path}: {listed}\n")


def _list(stream: Any) -> int:
    store = TrustStore.load()
    if store.unreadable:
        raise UsageError(f"{store.path} {store.unreadable}")
    if not store.folders:
        stream.write("no trusted folders\n")
        return 0
    for path, entry in sorted(store.folders.items()):
        stream.write(f"{path}  (trusted {entry.trusted_at})\n")
        for file, digest in sorted(entry.files.items()):
            try:
                state = "ok" if digest_of(Path(file)) == digest else "changed: trust again to run it"
            except OSError:
                state = "missing"
            stream.write(f"  {os.path.relpath(file, path)}  sha256:{digest[:16]}  {state}\n")
    return 0
