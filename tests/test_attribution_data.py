"""Attribution data: every language's cues, source nouns and quote markers are read as written.

A TOML key written after the last ``[[cue]]`` table belongs to that cue, not to the file: the source
nouns and quote markers were once silently ignored that way. These checks read the files as kg does.
"""

from __future__ import annotations

import pytest

from kg.extract.cues import cues_for
from kg.lang import available_languages, get_language

CUE_KEYS = {"words", "source", "predicate", "with_speech"}


@pytest.mark.parametrize("lang", available_languages())
def test_every_cue_has_only_cue_keys(lang):
    for cue in get_language(lang).toml("attribution").get("cue", ()):
        assert set(cue) <= CUE_KEYS, f"kg/lang/{lang}/attribution.toml: a cue holds {set(cue) - CUE_KEYS}"


@pytest.mark.parametrize("lang", available_languages())
def test_source_nouns_and_quote_markers_are_read(lang):
    cues = cues_for(lang)
    assert cues.source_nouns, f"kg/lang/{lang}/attribution.toml: no source_nouns read"
    assert cues.quote_markers, f"kg/lang/{lang}/attribution.toml: no quote_markers read"
