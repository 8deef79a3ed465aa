"""``kg query -p actor=...`` forgives: a surname or near spelling is resolved, else candidates are listed."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.gold_corpus import query_corpus_env

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def env(neo4j_driver, neo4j_settings):
    return query_corpus_env(neo4j_driver, neo4j_settings)


def kg(env, *args):
    return CliRunner().invoke(cli, ["query", *args], env=env)


def test_a_near_spelling_is_resolved_with_a_note(env):
    exact = kg(env, "statements_by", "-p", "actor=Lloyd Austin")
    guessed = kg(env, "statements_by", "-p", "actor=Lloyd Austen")
    assert exact.exit_code == guessed.exit_code == 0, guessed.output
    assert guessed.stdout == exact.stdout and "(3 rows)" in guessed.stderr
    assert "actor: 'Lloyd Austen' is Lloyd Austin (person:lloyd-austin), by spelling" in guessed.stderr


def test_no_fitting_actor_is_bad_input_with_the_reason(env):
    result = kg(env, "statements_by", "-p", "actor=Atlantis Nobody")
    assert result.exit_code == 1
    assert "actor: no actor with key, name or alias 'Atlantis Nobody'" in result.stderr


def test_an_exact_actor_without_rows_stays_an_empty_answer(env):
    result = kg(env, "timeline", "-p", "actor=Lloyd Austin", "-p", "since=2099-01-01")
    assert result.exit_code == 0 and "(0 rows)" in result.stderr and "note" not in result.stderr
