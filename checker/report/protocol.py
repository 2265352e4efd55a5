"""What an output format implements: the ``Reporter`` protocol."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from checker.config.settings import Config
    from checker.engine.session import FileResult, Session


@runtime_checkable
class Reporter(Protocol):
    """An output format's reporter, built by its factory as ``factory(config, stream)``
    (``checker_output_formats``). The run calls ``start`` once, ``file_done`` once per
    article in input order, and ``finish`` once at the end. A reporter only reads: it never
    changes a finding. ``needs_text`` asks for each article's text on its result (a report
    that quotes the articles)."""

    def start(self, session: Session) -> None: ...

    def file_done(self, result: FileResult) -> None: ...

    def finish(self, session: Session) -> None: ...


#: The signature of an output format's factory.
def _factory_signature(config: Config, stream: IO[str]) -> Reporter:  # pragma: no cover - documentation
    raise NotImplementedError
