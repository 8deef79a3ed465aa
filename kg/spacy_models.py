"""The one place that decides which spaCy pipeline (model) serves a language (``kg.spacy_models``).

Resolution order for language ``xx``:

1. ``KG_MODEL_XX`` (e.g. ``KG_MODEL_DE``): an installed package name or a
   directory that ``spacy.load`` accepts;
2. the official packages, largest first, following spaCy's naming scheme
   (``xx_core_news_lg/md/sm``, then ``xx_core_web_lg/md/sm``): the first
   one installed wins.

When nothing is found, :class:`ModelNotFoundError` names the language and the
exact ``python -m spacy download`` command, because that is what a user on a
connected machine needs to do next.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from kg.config import configured_model
from kg.config import model_variable as env_var
from kg.interrupts import deferred_interrupts

SIZES = ("lg", "md", "sm")
GENRES = ("news", "web")
_lock = threading.Lock()


class ModelNotFoundError(RuntimeError):
    """No spaCy pipeline is available for a language."""


def official_names(lang: str) -> list[str]:
    """Official package names for ``lang`` in order of preference."""
    return [f"{lang}_core_{genre}_{size}" for genre in GENRES for size in SIZES]


def resolve_model(lang: str) -> str:
    """The package name or directory of the pipeline to use for ``lang``."""
    lang = lang.lower()
    configured = configured_model(lang)
    if configured:
        path = Path(configured).expanduser()
        if path.exists():
            if not (path / "config.cfg").exists():
                raise ModelNotFoundError(
                    f"{env_var(lang)}={configured} is a path but not a spaCy pipeline directory (no config.cfg)"
                )
            return str(path.resolve())
        if any(sep in configured for sep in ("/", os.sep)) or configured.startswith((".", "~")):
            raise ModelNotFoundError(f"{env_var(lang)}={configured} is a path, but no such directory exists")
        try:
            spec = importlib.util.find_spec(configured.replace("-", "_"))
        except (ImportError, ValueError):  # e.g. "de.core": its parent package does not exist
            spec = None
        if spec is not None:
            return configured
        raise ModelNotFoundError(
            f"{env_var(lang)}={configured} is neither a directory nor an installed package; "
            f"install it with: python -m spacy download {configured}"
        )
    for name in official_names(lang):
        if importlib.util.find_spec(name) is not None:
            return name
    # spaCy names its English pipelines *_web_*, every other language's *_news_*.
    suggestion = "en_core_web_sm" if lang == "en" else f"{lang}_core_news_sm"
    raise ModelNotFoundError(
        f"no spaCy pipeline for language {lang!r}: set {env_var(lang)} to a package name or a pipeline "
        f"directory, or install one with: python -m spacy download {suggestion}"
    )


@lru_cache(maxsize=16)
def _load(name: str, exclude: tuple[str, ...]) -> Language:
    return spacy.load(name, exclude=list(exclude))


def load_pipeline(lang: str, exclude: Iterable[str] = ()) -> Language:
    """Load (once per process) the pipeline for ``lang``, leaving out ``exclude`` components.

    Components that are not in the pipeline are ignored, so callers can name
    what they never need (e.g. ``senter`` when a parser is present) without
    knowing each model's make-up.
    """
    name = resolve_model(lang)
    with _lock, deferred_interrupts():  # loading imports components' modules: a Ctrl-C must not be lost
        return _load(name, tuple(sorted(exclude)))
