"""Autofix: apply findings' fixes to the source, show them as a diff, write files atomically.

Fixes are chosen by applicability (``safe``, or ``unsafe`` too), overlapping ones are
resolved in favour of the one that starts first, and the chosen edits are applied from the
end of the text backwards so earlier offsets stay valid. The article is checked again after
each round until nothing applicable is left, so a second run finds nothing to fix.
Only the edited spans change: every other character, line breaks and byte-order mark
included, is written back as it was read.

Writing is careful about the file it replaces, which may belong to someone else or be
edited by someone else at the same moment (``write_atomic``): the file is locked while it
is replaced (``flock`` on the file itself, so two ``--fix`` runs take turns), it is replaced
only if its size, modification time and content hash are still those it had when it was
read (else ``FileChanged``), and the new file gets the old one's owner, group and mode. A
file with several hard links is not replaced (``NotReplaceable``): the rename would part
it from its other names. A symbolic link is fixed only when its target is inside the checked
folder (``refusal``).
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from checker.finding import Finding, Fix
from checker.report.safe import printable, printable_block

#: Rounds of fix-and-recheck before giving up on reaching a fixed point.
MAX_ROUNDS = 10
#: Characters of a file's name kept in its temporary file's name: a file name may take the
#: whole 255 bytes a name can have, and the temporary name adds to it.
TEMPORARY_NAME_CHARACTERS = 32
#: Seconds to wait for another process (another ``--fix`` run) to finish with a file.
LOCK_WAIT = 60.0


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class FileChanged(Exception):
    """The file is no longer what was read: something wrote to it during the run."""


class NotReplaceable(Exception):
    """The file cannot be replaced without harm (a hard link, an owner it would lose)."""


def applicable(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None and (unsafe or f.fix.safe)]


def choose(fixes: Iterable[Fix]) -> list[Fix]:
    """Fixes that do not touch one another, the earlier one winning an overlap."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        spans = [(edit.start, edit.end) for edit in fix.edits]
        if any(_overlap(span, other) for span in spans for other in taken):
            continue
        chosen.append(fix)
        taken.extend(spans)
    return chosen


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an insertion conflicts with any span it touches
        return max(a[0], b[0]) <= min(a[1], b[1])
    return a[0] < b[1] and b[0] < a[1]


def apply(source: str, fixes: Iterable[Fix]) -> str:
    """``source`` with the edits of ``fixes`` (which must not overlap) applied."""
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: e.start, reverse=True)
    parts: list[str] = []
    end = len(source)
    for edit in edits:
        parts.append(source[edit.end : end])
        parts.append(edit.replacement)
        end = edit.start
    parts.append(source[:end])
    return "".join(reversed(parts))


@dataclass
class Outcome:
    text: str
    applied: int
    findings: list[Finding]


def fix_text(text: str, findings: list[Finding], recheck: Callable[[str], list[Finding]], unsafe: bool) -> Outcome:
    """Apply fixes round by round; ``recheck(text)`` returns the findings of the new text."""
    applied = 0
    for _ in range(MAX_ROUNDS):
        chosen = choose(applicable(findings, unsafe))
        if not chosen:
            break
        new_text = apply(text, chosen)
        if new_text == text:
            break
        text = new_text
        applied += len(chosen)
        findings = recheck(text)
    return Outcome(text, applied, findings)


#: The line breaks ``str.splitlines`` ends a line at.
_LINE_END = re.compile("(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])$")


def unified_diff(name: str, before: str, after: str) -> str:
    """The fixes as a unified diff, safe to print: the article's lines are shown the way
    ``printable_block`` shows text (control characters, bidirectional controls and CI command
    markers escaped, tabs kept), so a line of a checked file cannot recolour a terminal or
    forge a CI command; a line holding one is then shown, not applicable as a patch."""
    name = printable(name)  # a name with a line break would add lines of its own to the diff
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=name, tofile=name)
    out = []
    for line in lines:
        ending = _LINE_END.search(line)
        body = line[: ending.start()] if ending else line
        if not line.startswith(("---", "+++", "@@")):
            body = printable_block(body)
        if ending is None:
            out.append(body + "\n\\ No newline at end of file\n")
        elif ending.group() in ("\n", "\r\n", "\r"):
            out.append(body + ending.group())
        else:  # a line separator, form feed ... that Python splits lines at: shown, then a line feed
            out.append(body + printable_block(ending.group()) + "\n")
    return "".join(out)


@dataclass(frozen=True)
class Snapshot:
    """A file as it was when it was read: replaced only if it is still the same."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: str

    def same_file(self, status: os.stat_result) -> bool:
        return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns) == (
            self.device, self.inode, self.size, self.mtime_ns)


def snapshot(path: str, max_size: int = 0) -> Snapshot | None:
    """How the regular file at ``path`` is now (its link followed), with a hash of its
    content; None for what is not a regular file, is larger than ``max_size`` (0: no limit)
    or cannot be read, as reading it for the check would fail too."""
    try:
        # Non-blocking: a pipe named as an input must not hang the run here.
        with open(os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC), "rb", buffering=0) as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode) or (max_size and status.st_size > max_size):
                return None
            digest = _digest(handle)
    except OSError:
        return None
    return Snapshot(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, digest)


def _digest(handle: IO[bytes]) -> str:
    hashing = hashlib.sha256()
    for block in iter(lambda: handle.read(1 << 20), b""):
        hashing.update(block)
    return hashing.hexdigest()


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def refusal(path: str, checked_folder: str | None) -> str | None:
    """Why ``--fix`` must not replace ``path``, or None. ``checked_folder``: the real path of
    the folder the file was found in (or named in); a symbolic link whose target is outside
    it would let the checked folder choose which file is rewritten."""
    try:
        target = os.path.realpath(path)
        status = os.stat(target)
    except OSError:
        return None  # the write reports it
    if checked_folder is not None and not _inside(target, checked_folder):
        return f"it is a symbolic link to {target}, outside the checked folder {checked_folder}"
    if status.st_nlink > 1:
        return f"it has {status.st_nlink} hard links, which replacing it would break"
    return None


@contextlib.contextmanager
def locked(path: str) -> Iterator[int]:
    """``path`` opened and locked (``flock``, exclusive) for as long as it is replaced; a
    process that fixes the same file waits, then finds it changed. Without ``fcntl``
    (Windows) the file is opened, not locked."""
    handle = os.open(path, os.O_RDONLY | _CLOEXEC | _NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            fcntl = None  # type: ignore[assignment]
        if fcntl is not None:
            deadline = time.monotonic() + LOCK_WAIT
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise FileChanged(f"another process kept it locked for {LOCK_WAIT:.0f} s") from None
                    time.sleep(0.02)
        yield handle
    finally:
        os.close(handle)  # the lock goes with it


def write_atomic(path: str, data: bytes, expected: Snapshot | None = None) -> None:
    """Replace ``path``'s content with ``data`` so that a reader (or a crash) sees the old
    file or the new one, never a mix: write a temporary file beside it, flush it to disk,
    give it the original's owner, group and permissions, then rename it over the original.
    A symbolic link is followed, so the link stays a link.

    The file is locked meanwhile (``locked``). With ``expected`` (``snapshot`` taken before
    the file was read), it is replaced only if it still has that size, modification time,
    inode and content hash, checked once the lock is held and again (all but the hash) just
    before the rename; otherwise ``FileChanged``, and the file is left as it is. A file with
    other hard links raises ``NotReplaceable``, as does one whose owner or group this
    process cannot give the new file."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    with locked(target) as handle:
        status = os.fstat(handle)
        if expected is not None:
            if not (expected.same_file(status) and expected.same_file(os.stat(target))):
                raise FileChanged("its size, modification time or inode changed since it was read")
            with os.fdopen(os.dup(handle), "rb") as reader:
                if _digest(reader) != expected.digest:
                    raise FileChanged("its content changed since it was read")
        if status.st_nlink > 1:
            raise NotReplaceable(f"it has {status.st_nlink} hard links, which replacing it would break")
        name = os.path.basename(target)[:TEMPORARY_NAME_CHARACTERS]
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".checker-tmp")
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
                _keep_owner(stream.fileno(), status)
            os.chmod(temporary, stat.S_IMODE(status.st_mode))  # after chown, which clears set-id bits
            if expected is not None and not expected.same_file(os.stat(target)):
                raise FileChanged("it changed while the fixes were being written")
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    with contextlib.suppress(OSError):  # the rename itself durable where the platform allows
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _keep_owner(descriptor: int, original: os.stat_result) -> None:
    """Give the new file the original's owner and group: a root run must not make another
    user's article root's. Where this process may not (another user's file, a group it is
    not in), the file is not replaced."""
    mine = os.fstat(descriptor)
    if (mine.st_uid, mine.st_gid) == (original.st_uid, original.st_gid) or not hasattr(os, "fchown"):
        return
    try:
        os.fchown(descriptor, original.st_uid, original.st_gid)
    except PermissionError:
        raise NotReplaceable(f"its owner and group (uid {original.st_uid}, gid {original.st_gid}) could not be "
                             "kept") from None
