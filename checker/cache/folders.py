"""The user's cache folder: where the checker keeps what only speeds it up, and the key that
authenticates what it keeps elsewhere."""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path

#: The name of the key file in the user's cache folder.
KEY_FILE = "results-key"
KEY_BYTES = 32


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/checker``, else ``~/.cache/checker``: written only by this user, so
    what is read back from it carries the same trust as the user's own files."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "checker"


def secret_key() -> bytes | None:
    """This user's key for authenticating results cache entries: random bytes in the user's
    cache folder, made on first use with mode 0600. None where there is none and none can
    be made (a read-only home), or where the file is not this user's alone: no cache then."""
    return _secret_key(str(user_cache_dir() / KEY_FILE))


@functools.cache
def _secret_key(path: str) -> bytes | None:
    with contextlib.suppress(FileNotFoundError):
        return _read_key(path)
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        temporary = f"{path}.{os.getpid()}"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(os.urandom(KEY_BYTES))
                stream.flush()
                os.fsync(stream.fileno())
            try:
                os.link(temporary, path)  # fails when another process made one first: use theirs
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links
                os.replace(temporary, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: str) -> bytes | None:
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if hasattr(os, "getuid") and (status.st_uid != os.getuid() or status.st_mode & 0o077):
            return None  # another user could read or replace it, and so forge entries
        key = stream.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None
