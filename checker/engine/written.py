"""Writing a file the checker makes (a baseline, a learned rule file) whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile


def write_whole(path: str, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 with ``\\n`` line ends, through a temporary file beside
    it renamed over it: a run that fails leaves the file as it was, and a reader never sees half
    of it. The file gets an ordinary new file's permissions (the umask's), not the temporary
    file's 0600. An ``OSError`` is the caller's to report."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)[:40]}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
