"""Loading YAML safely: ``safe_load`` semantics, plus limits against alias bombs.

``yaml.safe_load`` already refuses tags that would build Python objects. On top of that,
documents with more than ``MAX_ALIASES`` alias uses, or more than ``MAX_EXPANDED_NODES``
values once their aliases are expanded, are refused, so a "billion laughs" file can exhaust
neither memory nor the time of whatever walks the rule afterwards. A document without any
anchor cannot use aliases at all: it is read with libyaml's C parser where that is installed
(ten times faster, which editors feel at start-up); any document that may hold an anchor goes
through the counting loader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from checker.errors import RuleError

MAX_ALIASES = 100


#: Nodes a document may hold once its aliases are expanded: a rule file has a few hundred.
MAX_EXPANDED_NODES = 100_000


class _LimitedLoader(yaml.SafeLoader):
    aliases_seen = 0

    def compose_document(self) -> Any:  # type: ignore[override]
        node = super().compose_document()
        if _expanded_size(node) > MAX_EXPANDED_NODES:
            raise yaml.composer.ComposerError(
                None, None, f"more than {MAX_EXPANDED_NODES:,} values once its aliases are expanded "
                "(refused as a possible alias bomb)", node.start_mark)
        return node

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self.aliases_seen += 1
            if self.aliases_seen > MAX_ALIASES:
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_ALIASES} aliases (refused as a possible alias bomb)", event.start_mark
                )
        return super().compose_node(parent, index)


def _expanded_size(root: Any) -> int:
    """How many nodes ``root`` stands for with every alias expanded, counted without
    expanding: an aliased node is the same object, so its size is computed once."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) \
            else list(node.value) if isinstance(node, yaml.SequenceNode) else []
        if done:
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 1) for child in children)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


#: Anything that could start an anchor; a false positive only costs the slower loader.
_MAYBE_ANCHOR = re.compile(r"&")
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)


def parse_yaml(text: str, source: str, error_type: type[Exception] = RuleError) -> Any:
    loader = _FAST_LOADER if _FAST_LOADER is not None and not _MAYBE_ANCHOR.search(text) else _LimitedLoader
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise error_type(f"{where}not valid YAML: {problem}", source=source) from None


def load_yaml(path: Path, error_type: type[Exception] = RuleError) -> Any:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise error_type(f"cannot read: {error.strerror or error}", source=str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise error_type(f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})",
                         source=str(path)) from None
    return parse_yaml(text, str(path), error_type)
