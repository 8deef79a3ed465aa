"""The gazetteer's own files (this folder), and the error that names a file and a record in it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

GAZETTEER_DIR = Path(__file__).resolve().parent


class GazetteerError(ValueError):
    """A gazetteer file holds a record that cannot be read (names the file and the record)."""


def read_toml(name: str) -> dict[str, Any]:
    with (GAZETTEER_DIR / name).open("rb") as f:
        return tomllib.load(f)


PEOPLE_FILES = ("people.toml", "people/*.toml")


def people_files() -> list[str]:
    """The files people are read from, relative to this folder: ``people.toml``, then ``people/*.toml``."""
    out = ["people.toml"]
    out += sorted(str(p.relative_to(GAZETTEER_DIR)) for p in (GAZETTEER_DIR / "people").glob("*.toml"))
    return out
