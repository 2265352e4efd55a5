"""Findings: plain frozen data that rules produce and reporters read."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any

CATEGORIES = ("duplicate", "boilerplate", "entity", "consistency", "contradiction", "metadata", "style")


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Location:
    """A span of the source. ``column``/``end_column`` are 1-based; the end is exclusive.

    ``offset`` and ``length`` count Unicode code points in the text as read; ``text`` is the
    source at that span, exactly.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    text: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(data["line"], data["column"], data["end_line"], data["end_column"], data["offset"],
                   data["length"], data["text"])

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "text": self.text,
        }


#: How sure a fix is, as ruff says it: ``safe`` keeps the article's meaning and is applied by
#: ``--fix``; ``unsafe`` may change it and needs ``--unsafe-fixes``.
APPLICABILITIES = ("safe", "unsafe")


@dataclass(frozen=True)
class Edit:
    """Replace the source at ``location`` with ``replacement`` (empty: delete it)."""

    location: Location
    replacement: str

    @property
    def start(self) -> int:
        return self.location.offset

    @property
    def end(self) -> int:
        return self.location.offset + self.location.length

    def to_dict(self) -> dict[str, Any]:
        data = self.location.to_dict()
        data["replacement"] = self.replacement
        return data


@dataclass(frozen=True)
class Fix:
    """A finding's suggestion as edits to the source, with its applicability."""

    applicability: str
    message: str
    edits: tuple[Edit, ...]

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)

    @property
    def safe(self) -> bool:
        return self.applicability == "safe"

    def to_dict(self) -> dict[str, Any]:
        return {"applicability": self.applicability, "message": self.message,
                "edits": [edit.to_dict() for edit in self.edits]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fix:
        edits = tuple(Edit(Location.from_dict(edit), edit["replacement"]) for edit in data["edits"])
        return cls(data["applicability"], data["message"], edits)


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    message: str
    location: Location
    suggestions: tuple[str, ...] = ()
    related: tuple[Location, ...] = field(default=())
    fix: Fix | None = None

    @property
    def line(self) -> int:
        return self.location.line

    @property
    def offset(self) -> int:
        return self.location.offset

    @property
    def fix_note(self) -> str:
        """`` [fix: safe]`` / `` [fix: unsafe]`` after a message, or nothing: one spelling in every format."""
        return f" [fix: {self.fix.applicability}]" if self.fix else ""

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.location.offset, self.location.length, self.rule)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
        }
        data.update(self.location.to_dict())
        data["suggestions"] = list(self.suggestions)
        data["related"] = [loc.to_dict() for loc in self.related]
        data["fix"] = self.fix.to_dict() if self.fix else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The inverse of ``to_dict`` (the results cache stores findings as JSON)."""
        return cls(
            rule=data["rule"], category=data["category"], severity=Severity.parse(data["severity"]),
            message=data["message"], location=Location.from_dict(data),
            suggestions=tuple(data["suggestions"]),
            related=tuple(Location.from_dict(r) for r in data["related"]),
            fix=Fix.from_dict(data["fix"]) if data["fix"] else None,
        )
