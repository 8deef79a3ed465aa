"""Sentence boundaries: a sentence may start only after ". ! ? ; :" (also behind a closing quote) or a
line break; everywhere else the parser is told it may not, so it cannot cut a sentence in two."""

from __future__ import annotations

import spacy

from kg.extract.sentence_bounds import COMPONENT, add_sentence_bounds, constrain_sentence_starts


def _starts(text: str) -> dict[str, bool | None]:
    doc = constrain_sentence_starts(spacy.blank("de")(text))
    return {t.text: t.is_sent_start for t in doc[1:]}


def test_no_sentence_may_start_inside_one():
    starts = _starts("Nikol Paschinjan hat sich geeinigt. Danach reiste er ab.")
    assert starts["Paschinjan"] is False and starts["hat"] is False
    assert starts["Danach"] is None  # the parser decides


def test_a_sentence_may_start_behind_a_closing_quote_a_semicolon_or_a_line_break():
    starts = _starts("„Wir haben gewonnen.“ Sandu sprach von einem Sieg; Moskau schwieg\nKiew jubelte")
    assert starts["Sandu"] is None and starts["Moskau"] is None and starts["Kiew"] is None
    assert starts["sprach"] is False and starts["schwieg"] is False


def test_a_boundary_set_before_is_kept():
    doc = spacy.blank("de")("Die Armee zog ab und die Rebellen rückten nach")
    doc[4].is_sent_start = True  # e.g. the edge of a triage window
    constrain_sentence_starts(doc)
    assert doc[4].is_sent_start is True and doc[5].is_sent_start is False


def test_the_component_goes_before_the_parser_once(nlp_de):
    add_sentence_bounds(nlp_de)
    add_sentence_bounds(nlp_de)
    names = nlp_de.pipe_names
    assert names.count(COMPONENT) == 1 and names.index(COMPONENT) < names.index("parser")
    doc = nlp_de("Nikol Paschinjan hat sich in Washington auf ein Friedensabkommen geeinigt.")
    assert len(list(doc.sents)) == 1
