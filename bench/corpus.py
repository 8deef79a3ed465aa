"""Deterministic synthetic corpus: wire reports in German and English from our own templates.

Article ``i`` of seed ``s`` depends only on ``(s, i)``, never on how many
articles are asked for, so the first 200 articles of a 20,000-article corpus
are exactly the 200-article corpus: runs of different size stay comparable.
No network, no external data: the cast is :mod:`bench.actors`, the sentences
are :mod:`bench.templates`.

    python bench/corpus.py 1000 corpus.jsonl [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import templates as T
from bench.actors import AGENCIES, ORGANISATIONS, STATES, State
from kg.model import Article

DEFAULT_SEED = 20241024
LANGS = ("de", "en")
MIN_WORDS, MAX_WORDS = 300, 800
_FIRST_DAY = date(2024, 1, 1)


def _slots_en(rng: random.Random, a: State, b: State, c: State) -> dict[str, str]:
    org = rng.choice(ORGANISATIONS)
    slots = {"ORG": org.en, "ORG_short": org.short, "TOPIC": rng.choice(T.TOPICS_EN)}
    for tag, st in (("A", a), ("B", b), ("C", c)):
        slots |= {
            tag: st.en,
            f"{tag}_adj": st.en_adj,
            f"{tag}_cap": st.capital_en,
            f"{tag}_leader": st.leader_en,
            f"{tag}_title": st.leader_title_en,
            f"{tag}_fm": st.fm_en,
            f"{tag}_dm": st.dm_en,
        }
    return slots


def _slots_de(rng: random.Random, a: State, b: State, c: State) -> dict[str, str]:
    org = rng.choice(ORGANISATIONS)
    topic = rng.choice(T.TOPICS_DE)
    slots = {
        "ORG": org.de_nom,
        "ORG_dat": org.de_dat,
        "ORG_gen": org.de_gen,
        "ORG_short": org.short,
        "TOPIC_nom": topic[0],
        "TOPIC_acc": topic[1],
        "TOPIC_dat": topic[2],
    }
    for tag, st in (("A", a), ("B", b), ("C", c)):
        slots |= {
            f"{tag}_nom": st.de_nom,
            f"{tag}_dat": st.de_dat,
            f"{tag}_gen": st.de_gen,
            f"{tag}_in": st.de_in,
            f"{tag}_adj": st.de_adj,
            f"{tag}_cap": st.capital_de,
            f"{tag}_leader": st.leader_de,
            f"{tag}_title": st.leader_title_de,
            f"{tag}_fm": st.fm_de,
            f"{tag}_dm": st.dm_de,
        }
    return slots


def _fill(template: str, slots: dict[str, str]) -> str:
    text = template.format_map(slots)
    return text[0].upper() + text[1:]


def article(index: int, seed: int = DEFAULT_SEED) -> Article:
    """The ``index``-th article of the corpus with ``seed``: same arguments, same article."""
    rng = random.Random(f"{seed}:{index}")
    lang = LANGS[index % len(LANGS)]
    a, b, c = rng.sample(STATES, 3)
    published = _FIRST_DAY + timedelta(days=rng.randrange(366))
    en = lang == "en"
    sentences = T.SENTENCES_EN if en else T.SENTENCES_DE
    target = rng.randint(MIN_WORDS, MAX_WORDS)

    slots = (_slots_en if en else _slots_de)(rng, a, b, c)
    title = _fill(rng.choice(T.HEADLINES_EN if en else T.HEADLINES_DE), slots)
    dateline = (T.DATELINE_EN if en else T.DATELINE_DE).format(
        CITY=rng.choice((a, b, c)).capital_en.upper() if en else rng.choice((a, b, c)).capital_de,
        DAY=published.day,
        MONTH=T.MONTHS_EN[published.month - 1],
        AGENCY=rng.choice(AGENCIES),
    )
    paragraphs: list[str] = []
    deck: list[str] = []
    words = 0
    while words < target:
        paragraph = []
        for _ in range(rng.randint(2, 4)):
            if not deck:  # each template once before any repeats, like a shuffled deck
                deck = rng.sample(sentences, len(sentences))
            # Re-draw roles, topic, organisation and numbers per sentence: the article's
            # three states trade places, so one article is not one repeated frame.
            slots |= (_slots_en if en else _slots_de)(rng, *rng.sample((a, b, c), 3))
            slots |= {
                "N": str(rng.choice((200, 500, 1_000, 3_000, 8_000, 10_000, 12_000))),
                "YEARS": str(rng.randint(2, 10)),
                "WEEKDAY": rng.choice(T.WEEKDAYS_EN if en else T.WEEKDAYS_DE),
                "MONTH": rng.choice(T.MONTHS_EN if en else T.MONTHS_DE),
                "AGENCY": rng.choice(AGENCIES),
            }
            sentence = _fill(deck.pop(), slots)
            paragraph.append(sentence)
            words += len(sentence.split())
        paragraphs.append(" ".join(paragraph))
    text = dateline + "\n\n".join(paragraphs)
    return Article.create(
        text,
        id=f"bench-{seed}-{index:06d}",
        title=title,
        source="kg-bench",
        published=published,
        lang=lang,
    )


def generate(n: int, seed: int = DEFAULT_SEED, start: int = 0) -> Iterator[Article]:
    """Articles ``start .. start+n-1``, lazily: a 20,000-article corpus never sits in memory."""
    for i in range(start, start + n):
        yield article(i, seed)


def write_jsonl(path: Path, n: int, seed: int = DEFAULT_SEED) -> Path:
    """Write the corpus as JSON Lines that ``kg extract``/``kg ingest`` read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for art in generate(n, seed):
            f.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    write_jsonl(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
