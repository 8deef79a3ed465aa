"""Long articles for ``extract_articles_per_s_long``: bench corpus reports padded to 1,000-2,000 words.

Real long reads (analyses, features, live blogs) are mostly sentences with no actor in them:
background, colour, numbers. So article ``i`` is the bench corpus article ``i`` (its actors
and events unchanged) with filler sentences of our own, which name no state, person or
organisation, inserted between its sentences until it reaches a drawn length. Deterministic
per ``(seed, index)`` like :mod:`bench.corpus`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import replace

from bench import corpus
from kg.model import Article

MIN_WORDS, MAX_WORDS = 1_000, 2_000

FILLER = {
    "en": (
        "The meeting took place in a conference hall on the edge of the old town.",
        "It had rained for most of the morning, and the streets outside were almost empty.",
        "Prices for heating oil have risen by about four percent since the start of the month.",
        "The session lasted more than three hours and was interrupted twice for short breaks.",
        "Several hundred people followed the proceedings on screens set up in the lobby.",
        "The building was renovated ten years ago and now houses offices and a small library.",
        "Traffic on the main road was diverted for much of the afternoon.",
        "Observers described the atmosphere as tense but businesslike.",
        "The figures published on Tuesday cover the first nine months of the year.",
        "A final statement is expected only after the last round of talks next week.",
        "Local newspapers devoted several pages to the event.",
        "The harbour has been expanded twice in the past decade and handles mostly grain.",
        "In the evening the temperature dropped below freezing for the first time this autumn.",
        "The documents run to more than two hundred pages and are available only in part.",
        "Most of the delegates arrived by train and stayed in hotels near the station.",
        "The debate is likely to continue well into next year.",
    ),
    "de": (
        "Das Treffen fand in einem Konferenzsaal am Rand der Altstadt statt.",
        "Den größten Teil des Vormittags hatte es geregnet, die Straßen waren fast leer.",
        "Die Preise für Heizöl sind seit Monatsbeginn um etwa vier Prozent gestiegen.",
        "Die Sitzung dauerte mehr als drei Stunden und wurde zweimal kurz unterbrochen.",
        "Mehrere Hundert Menschen verfolgten die Beratungen auf Bildschirmen im Foyer.",
        "Das Gebäude wurde vor zehn Jahren renoviert und beherbergt heute Büros und eine kleine Bibliothek.",
        "Der Verkehr auf der Hauptstraße wurde den größten Teil des Nachmittags umgeleitet.",
        "Beobachter beschrieben die Stimmung als angespannt, aber sachlich.",
        "Die am Dienstag veröffentlichten Zahlen umfassen die ersten neun Monate des Jahres.",
        "Eine Abschlusserklärung wird erst nach der letzten Gesprächsrunde in der kommenden Woche erwartet.",
        "Die Lokalzeitungen widmeten dem Ereignis mehrere Seiten.",
        "Der Hafen wurde in den vergangenen zehn Jahren zweimal erweitert und schlägt vor allem Getreide um.",
        "Am Abend sank die Temperatur zum ersten Mal in diesem Herbst unter den Gefrierpunkt.",
        "Die Unterlagen umfassen mehr als zweihundert Seiten und sind nur teilweise zugänglich.",
        "Die meisten Delegierten reisten mit dem Zug an und übernachteten in Hotels am Bahnhof.",
        "Die Debatte dürfte sich noch bis weit ins nächste Jahr hinziehen.",
    ),
}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def article(index: int, seed: int = corpus.DEFAULT_SEED) -> Article:
    base = corpus.article(index, seed)
    rng = random.Random(f"longform:{seed}:{index}")
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    sentences = _SENTENCE_END.split(base.text.strip())
    filler = FILLER[base.lang or "en"]
    words = sum(len(s.split()) for s in sentences)
    while words < target:
        pick = rng.choice(filler)
        sentences.insert(rng.randint(1, len(sentences)), pick)
        words += len(pick.split())
    return replace(base, id=f"long-{base.id}", text=" ".join(sentences))


def generate(n: int, seed: int = corpus.DEFAULT_SEED, start: int = 0) -> Iterator[Article]:
    for i in range(start, start + n):
        yield article(i, seed)
