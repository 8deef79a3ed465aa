"""Smoke test of the benchmark: ``bench/run.py --quick`` runs end to end and reports every figure.

It asserts the report's shape (every named figure on its own ``name: value``
line, with a finite number), never the timings: speed depends on the machine
and on what else runs on it. The figures themselves are in the README.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIGURES = (
    "extract_overhead",
    "extract_articles_per_s",
    "extract_tokens_per_s",
    "extract_scaling_2proc",
    "load_rel_per_s",
    "load_vs_baseline",
    "reingest_speedup",
    "peak_rss_mb_1k",
    "peak_rss_mb_20k",
    "extract_articles_per_s_long",
    "load_vs_ceiling",
    "bulk_import_rel_per_s",
    "extract_articles_per_s_triage",
    "triage_speedup",
    "triage_same_output",
)
#: Figures measured on the shared dev set (../shared/eval/dev/articles.jsonl), when it is there.
DEV_FIGURES = ("extract_articles_per_s_dev", "extract_articles_per_s_dev_2proc", "day_of_news_hours")


@pytest.mark.slow
@pytest.mark.neo4j
@pytest.mark.model
def test_quick_bench_reports_every_figure(neo4j_db, neo4j_settings, nlp_de, nlp_en, tmp_path):
    out = tmp_path / "latest.json"
    # Credentials travel in the environment, never in argv.
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
    }
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]

    dev_set = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"
    for name in FIGURES + (DEV_FIGURES if dev_set.is_file() else ()):
        match = re.search(rf"^{name}: (\S+)$", proc.stdout, flags=re.M)
        assert match, f"no '{name}: <number>' line in:\n{proc.stdout}"
        value = float(match.group(1))
        assert math.isfinite(value) and value > 0, f"{name} = {value}"

    written = json.loads(out.read_text())
    assert set(FIGURES) <= set(written["figures"])
    assert written["mode"] == "quick"
    # The corpus sizes behind the two memory figures are printed, since quick mode shrinks them.
    assert re.search(r"^rss_n_small: \d+$", proc.stdout, flags=re.M)
    assert re.search(r"^rss_n_large: \d+$", proc.stdout, flags=re.M)


def test_corpus_is_deterministic_and_independent_of_its_size():
    from bench.corpus import article, generate

    small = [a.to_dict() for a in generate(6)]
    assert small == [a.to_dict() for a in generate(6)]
    assert [a.to_dict() for a in generate(12)][:6] == small
    assert article(3).to_dict() == small[3]
    assert {a["lang"] for a in small} == {"de", "en"}


def test_corpus_articles_have_wire_report_length():
    from bench.corpus import MAX_WORDS, MIN_WORDS, generate

    for art in generate(40):
        words = len(art.text.split())
        # The last sentence may overshoot the drawn target by one sentence.
        assert MIN_WORDS <= words <= MAX_WORDS + 60, (art.id, words)
        assert art.title and art.published and art.source == "kg-bench"
