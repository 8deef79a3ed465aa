"""Language knowledge as data: one folder per language, read by generic code.

``kg/lang/<code>/`` (or ``<dir>/<code>/`` in a directory of ``$KG_LANG_DIRS``) holds everything
kg knows about a language: reporting verbs, hedges, negation words, pronouns, demonyms, role titles, the
dependency-label scheme its official models use, ... as TOML, TSV or plain
text files. The algorithms in :mod:`kg.extract` read these files through
:class:`LanguageData` and never hard-code a word. Adding French means adding
``kg/lang/fr/`` (with a ``language.toml``), not code.

File formats understood by the accessors:

* ``*.toml`` -> :meth:`LanguageData.toml`
* ``*.tsv``  -> :meth:`LanguageData.tsv` (tab-separated rows, ``#`` comments)
* ``*.txt``  -> :meth:`LanguageData.lines` (one entry per line, ``#`` comments)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.config import lang_dirs as configured_lang_dirs

LANG_DIR = Path(__file__).resolve().parent


class UnsupportedLanguageError(LookupError):
    """kg has no language data for this language code."""


@dataclass(frozen=True)
class LanguageData:
    """Read-only access to the data files of one language."""

    code: str
    path: Path

    def toml(self, name: str) -> dict[str, Any]:
        return _read_toml(self.path / f"{name}.toml")

    def tsv(self, name: str) -> list[tuple[str, ...]]:
        return _read_tsv(self.path / f"{name}.tsv")

    def lines(self, name: str) -> list[str]:
        return _read_lines(self.path / f"{name}.txt")


@cache
def _read_toml(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    with path.open("rb") as f:
        return tomllib.load(f)


@cache
def _read_tsv(path: Path) -> list[tuple[str, ...]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return rows


@cache
def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def lang_dirs() -> list[Path]:
    """Where language folders are looked up: ``$KG_LANG_DIRS`` first (:func:`kg.config.lang_dirs`), then kg's own."""
    return [*configured_lang_dirs(), LANG_DIR]


def available_languages() -> list[str]:
    """Codes of the languages kg has data for (folders with a ``language.toml``)."""
    return sorted({p.name for d in lang_dirs() if d.is_dir() for p in d.iterdir() if (p / "language.toml").exists()})


def get_language(code: str) -> LanguageData:
    """The data of language ``code``, from the first directory of :func:`lang_dirs` that has it."""
    return _get_language((code or "").lower(), tuple(lang_dirs()))


@cache
def _get_language(code: str, dirs: tuple[Path, ...]) -> LanguageData:
    found = [d / code for d in dirs if (d / code / "language.toml").exists()] if code.isalpha() else []
    path = found[0] if found else LANG_DIR / code
    if not found:
        raise UnsupportedLanguageError(
            f"kg has no language data for {code!r} (supported: {', '.join(available_languages())})"
        )
    return LanguageData(code, path)


SCHEME_DIR = LANG_DIR / "schemes"


@cache
def scheme_labels(role: str) -> frozenset[str]:
    """The dependency labels of an abstract role in every scheme of ``kg/lang/schemes/`` (UD, TIGER, ...).

    The entity layer asks for roles ("argument" = subject, object, agent, ...) without knowing which
    scheme a pipeline uses; a label of one scheme never occurs in the other's parses, so the union is
    exact for each.
    """
    out: set[str] = set()
    for path in sorted(SCHEME_DIR.glob("*.toml")):
        out.update(_read_toml(path).get("roles", {}).get(role, ()))
    return frozenset(out)
