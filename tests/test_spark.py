"""The scale-out path: extraction as a PySpark job in local mode equals single-process extraction.

The job's output must be exactly what ``kg extract`` would have produced for
the same articles (same records, same order), so that ``kg load`` of the
part files builds the same graph. Runs a real local[2] Spark (Java 17).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark", reason="pyspark is in the dev and spark extras")

from bench.corpus import generate  # noqa: E402
from kg.model import extractions_from_records  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        pytest.fail("Spark needs Java 17 on PATH", pytrace=False)
    from kg.scale.spark import session

    spark = session("local[2]", app_name="kg-test")
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


def _write_articles(path: Path, articles, extra_lines=()) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for art in articles:
            f.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return path


def _records(parts: list[str]) -> list[dict]:
    out = []
    for part in parts:
        with open(part, encoding="utf-8") as f:
            out += [json.loads(line) for line in f if line.strip()]
    return out


def test_spark_job_output_loads_and_equals_single_process_extraction(spark, tmp_path, nlp_de, nlp_en):
    from kg.extract.pipeline import Extractor
    from kg.scale.spark import run_job

    articles = list(generate(6, seed=11))
    source = _write_articles(tmp_path / "articles.jsonl", articles)

    result = run_job(spark, str(source), str(tmp_path / "out"), partitions=2)

    assert result.articles == 6 and result.bad_lines == 0 and result.skipped == 0
    assert len(result.parts) >= 2, "the job should really have run in more than one partition"
    from_spark = list(extractions_from_records(_records(result.parts)))
    expected = list(Extractor(workers=1).extract(articles))
    assert [ex.article.id for ex in from_spark] == [a.id for a in articles]
    # Compare the serialised records: what `kg load` consumes, field for field.
    assert [list(ex.to_records()) for ex in from_spark] == [list(ex.to_records()) for ex in expected]
    assert sum(len(ex.entities) for ex in from_spark) > 0


def test_spark_job_counts_bad_lines_and_keeps_going(spark, tmp_path, nlp_de, nlp_en):
    from kg.scale.spark import run_job

    articles = list(generate(2, seed=12))
    source = _write_articles(tmp_path / "articles.jsonl", articles, extra_lines=['{"id": "x"', '{"id": "no-text"}'])

    result = run_job(spark, str(source), str(tmp_path / "out"), partitions=1)

    assert result.articles == 2
    assert result.bad_lines == 2
    assert [ex.article.id for ex in extractions_from_records(_records(result.parts))] == [a.id for a in articles]
