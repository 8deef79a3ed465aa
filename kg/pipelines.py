"""Deprecated name of :mod:`kg.spacy_models` (which spaCy pipeline serves a language), kept for bench/.

Not to be confused with :mod:`kg.extract.pipeline` (the extraction pipeline); import :mod:`kg.spacy_models`.
"""

from kg.spacy_models import *  # noqa: F403
from kg.spacy_models import ModelNotFoundError, load_pipeline, official_names, resolve_model  # noqa: F401
