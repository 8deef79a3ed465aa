"""Model resolution: one place decides which spaCy pipeline serves a language."""

from __future__ import annotations

import pytest

from kg.spacy_models import ModelNotFoundError, official_names, resolve_model


def test_official_names_prefer_large_models():
    assert official_names("de")[:3] == ["de_core_news_lg", "de_core_news_md", "de_core_news_sm"]
    assert "en_core_web_sm" in official_names("en")


def test_missing_model_error_names_language_and_download_command(monkeypatch):
    monkeypatch.delenv("KG_MODEL_FR", raising=False)
    with pytest.raises(ModelNotFoundError) as info:
        resolve_model("fr")
    message = str(info.value)
    assert "'fr'" in message and "KG_MODEL_FR" in message
    assert "python -m spacy download fr_core_news_sm" in message


def test_env_var_pointing_nowhere_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_MODEL_DE", str(tmp_path / "nope"))
    with pytest.raises(ModelNotFoundError, match="KG_MODEL_DE"):
        resolve_model("de")
    monkeypatch.setenv("KG_MODEL_DE", str(tmp_path))
    with pytest.raises(ModelNotFoundError, match=r"no config\.cfg"):
        resolve_model("de")


def test_configured_pipelines_load(nlp_de, nlp_en):
    assert nlp_de.lang == "de" and "parser" in nlp_de.pipe_names
    assert nlp_en.lang == "en" and "parser" in nlp_en.pipe_names
