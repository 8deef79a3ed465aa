"""Content-derived identifiers: hashes for ids, slugs for canonical keys (never random, so re-running
any stage yields the same ids and loading stays idempotent)."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from pathlib import Path


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short, deterministic hex digest of ``parts``.

    Used for article ids, concept keys and triple ids. The separator byte
    cannot occur in text we hash (we strip NULs on input), so ("ab", "c") and
    ("a", "bc") never collide by construction.
    """
    # One update of "p1\x1fp2\x1f...": the same bytes (and digest) as one update per part, at a third of the cost.
    data = "".join(f"{part}\x1f" for part in parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=max(4, length // 2)).hexdigest()[:length]


def content_hash(text: str) -> str:
    """Hash of an article's text, used to skip unchanged articles on re-ingest."""
    return stable_hash(text, length=32)


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated form of ``text`` for canonical keys.

    "Wladimir Selenskij" -> "wladimir-selenskij"; "Ärzte ohne Grenzen" ->
    "aerzte-ohne-grenzen" (German umlauts transliterated, not dropped, so
    keys stay readable and distinct).
    """
    text = text.translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def _transliteration() -> dict[str, str]:
    """The letters keys spell out, from ``kg/lang/transliteration.toml`` (data, read as a file: the model
    is the bottom layer and imports nothing of kg)."""
    path = Path(__file__).resolve().parents[1] / "lang" / "transliteration.toml"
    with path.open("rb") as f:
        return dict(tomllib.load(f)["letters"])


_UMLAUTS = str.maketrans(_transliteration())
