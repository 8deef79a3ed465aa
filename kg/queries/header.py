"""A ``.cypher`` file's header comment is its contract (see :mod:`kg.queries`): parsed into a typed :class:`Query`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.queries.errors import HeaderError, ParameterError
from kg.queries.values import TYPES, VOCABULARY_TOKENS, convert

_PARAM_LINE_RE = re.compile(
    r"^(?P<name>[A-Za-z_]\w*):\s*(?P<type>\w+)\s*(?:\((?P<required>required)\)|=\s*(?P<default>\S+))\s+-\s+(?P<doc>.+)$"
)
_BODY_PARAM_RE = re.compile(r"\$([A-Za-z_]\w*)")


@dataclass(frozen=True)
class Parameter:
    """One declared parameter: its type, whether it is required, its default (as written) and meaning."""

    name: str
    type: str
    required: bool
    default: str | None
    doc: str

    def describe(self) -> str:
        """``actor (string, required)`` or ``limit (int, default 100)`` for menus and errors."""
        return f"{self.name} ({self.type}, {'required' if self.required else 'default ' + (self.default or 'null')})"


@dataclass(frozen=True)
class Query:
    """A named query: header metadata plus the Cypher text."""

    name: str
    description: str
    answers: str
    parameters: tuple[Parameter, ...]
    example: str
    cypher: str
    path: Path

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def bind(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Typed Cypher parameters from ``values`` (strings from the CLI or Python values), defaults filled in.

        Raises :class:`ParameterError` listing the expected parameters when one is unknown or
        missing, or naming the parameter whose value does not fit its type.
        """
        values = dict(values or {})
        unknown = sorted(set(values) - {p.name for p in self.parameters})
        if unknown:
            raise ParameterError(f"query {self.name!r} has no parameter {', '.join(unknown)}; {self.signature()}")
        missing = [p.name for p in self.parameters if p.required and values.get(p.name) in (None, "")]
        if missing:
            raise ParameterError(f"query {self.name!r} needs {', '.join(missing)}; {self.signature()}")
        bound: dict[str, Any] = {}
        for p in self.parameters:
            raw = values.get(p.name, p.default)
            try:
                bound[p.name] = convert(p.type, raw)
            except ValueError as exc:
                raise ParameterError(f"parameter {p.name} of query {self.name!r}: {exc}") from None
        return bound

    def signature(self) -> str:
        if not self.parameters:
            return "it takes no parameters"
        return "expected: " + ", ".join(p.describe() for p in self.parameters)


def parse(text: str, name: str, path: Path | None = None) -> Query:
    """Parse one ``.cypher`` file's header and body; :class:`HeaderError` says what is wrong."""
    lines = text.splitlines()
    header: list[str] = []
    for line in lines:
        if not line.startswith("//"):
            break
        header.append(line[2:].removeprefix(" ").rstrip())
    body = "\n".join(lines[len(header) :]).strip()
    where = f"{path or name}"
    if not header or not header[0].strip():
        raise HeaderError(f"{where}: the first line must be a // comment with a one-line description")
    if not body:
        raise HeaderError(f"{where}: no Cypher after the header")

    paragraphs: list[list[str]] = [[]]
    for line in header:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    description = " ".join(s.strip() for s in paragraphs[0])
    answers, example, params = "", "", []
    for para in paragraphs[1:]:
        first = para[0].strip() if para else ""
        if first.startswith("Answers:"):
            answers = " ".join(s.strip() for s in para).removeprefix("Answers:").strip()
        elif first.startswith("Example:"):
            example = " ".join(s.strip() for s in para).removeprefix("Example:").strip()
        elif first == "Parameters:":
            for line in para[1:]:
                params.append(_parse_param(line.strip(), where))
    if not answers:
        raise HeaderError(f"{where}: the header needs an 'Answers:' paragraph")
    if not example.startswith(f"kg query {name}"):
        raise HeaderError(f"{where}: the header needs an 'Example: kg query {name} ...' line")
    declared = [p.name for p in params]
    if len(set(declared)) != len(declared):
        raise HeaderError(f"{where}: a parameter is declared twice")
    used = set(_BODY_PARAM_RE.findall(_strip_strings(body)))
    if used - set(declared):
        raise HeaderError(f"{where}: undeclared parameters used: {', '.join(sorted(used - set(declared)))}")
    if set(declared) - used:
        raise HeaderError(f"{where}: declared parameters never used: {', '.join(sorted(set(declared) - used))}")
    return Query(name, description, answers, tuple(params), example, body, path or Path(name))


def _parse_param(line: str, where: str) -> Parameter:
    m = _PARAM_LINE_RE.match(line)
    if not m:
        raise HeaderError(f"{where}: cannot read parameter line {line!r} (want 'name: type = default - meaning')")
    type_ = m["type"]
    if type_ not in TYPES:
        raise HeaderError(f"{where}: parameter {m['name']} has unknown type {type_!r} (one of {', '.join(TYPES)})")
    default = None if m["required"] or m["default"] == "null" else m["default"]
    if default is not None and type_ == "list":
        bad = [t for t in default.split(",") if t.startswith("@") and t[1:] not in VOCABULARY_TOKENS]
        if bad:
            raise HeaderError(f"{where}: default of {m['name']} uses unknown token {bad[0]!r}")
    elif default is not None:
        try:
            convert(type_, default)
        except ValueError as exc:
            raise HeaderError(f"{where}: default of {m['name']}: {exc}") from None
    return Parameter(m["name"], type_, bool(m["required"]), default, m["doc"].strip())


def _strip_strings(cypher: str) -> str:
    """Cypher without string literals and comments, so ``'$5'`` in a string is not taken for a parameter."""
    return re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*", "", cypher)
