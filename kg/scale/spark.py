"""Extraction as a PySpark job, for corpora that outgrow one machine.

Why Spark: extraction is embarrassingly parallel per article and CPU-bound,
and Spark is the engine most teams already run (on YARN, Kubernetes,
Databricks, EMR, Dataproc). The job is one ``mapPartitions``: each partition
builds its own :class:`~kg.extract.pipeline.Extractor` (spaCy pipelines load
once per Python worker, which Spark reuses across partitions) and turns its
JSON Lines articles into the JSON Lines records of
:meth:`kg.model.Extraction.to_records`, exactly what ``kg extract`` writes.
Loading stays where it is safe and fast, a single ``kg load`` of the output
(Neo4j prefers one writer over many conflicting ones)::

    spark-submit --master yarn kg/scale/spark.py articles.jsonl out/   # or, without a cluster:
    python -m kg.scale.spark --master local[2] articles.jsonl out/
    kg load --neo4j out/part-*

Input: JSON Lines articles as ``kg extract`` reads them (one object per line).
Output: a Spark text directory whose ``part-*`` files, in name order, hold the
articles in input order; each article's records are contiguous, as
:func:`kg.model.extractions_from_records` requires. pyspark is the optional
extra ``kg[spark]``; it is imported only when a job runs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.config import forwarded_environment, spark_python
from kg.model import Article
from kg.read import InputError, article_from_json

log = logging.getLogger(__name__)

#: Environment passed to executors so they find the same spaCy pipelines as the driver.
FORWARDED_ENV_PREFIXES = ("KG_MODEL_",)


@dataclass(frozen=True)
class JobResult:
    """What a job did: its output directory and part files, and what it could not use."""

    output: str
    parts: list[str]
    articles: int
    bad_lines: int
    skipped: int


def extract_partition(
    lines: Iterable[str],
    *,
    batch_size: int = 64,
    default_lang: str | None = None,
    counters: Mapping[str, Any] | None = None,
) -> Iterator[str]:
    """One partition: JSON Lines articles in, JSON Lines records out (the function Spark maps).

    Pure Python and usable without Spark. A malformed line or an article kg
    cannot serve is counted (``counters`` maps ``articles``, ``bad_lines`` and
    ``skipped`` to objects with ``add(n)``: Spark accumulators in a job) and
    logged, never fatal: one bad record must not fail a job over millions.
    """
    from kg.extract.pipeline import Extractor

    def count(name: str) -> None:
        if counters is not None:
            counters[name].add(1)

    def bad_line(err: InputError) -> None:
        count("bad_lines")
        log.warning("kg.scale.spark: bad input line skipped: %s", err)

    def articles() -> Iterator[Article]:
        # The readers' own parsing: the same cleaning (NULs, surrogates, invisible characters) and size limit.
        for line in lines:
            if line.strip():
                found = article_from_json(line, "spark input", None, bad_line)
                if found is not None:
                    yield found[0]

    def skipped(article: Article, reason: str) -> None:
        count("skipped")
        log.warning("kg.scale.spark: article %s skipped: %s", article.id, reason)

    extractor = Extractor(workers=1, batch_size=batch_size, default_lang=default_lang)
    for extraction in extractor.extract(articles(), on_skip=skipped):
        count("articles")
        for record in extraction.to_records():
            yield json.dumps(record, ensure_ascii=False, default=str)


def run_job(
    spark: Any,
    input_path: str,
    output_path: str,
    *,
    partitions: int | None = None,
    batch_size: int = 64,
    default_lang: str | None = None,
) -> JobResult:
    """Run the extraction job on an existing ``SparkSession``; ``output_path`` must not exist yet."""
    sc = spark.sparkContext
    acc = {name: sc.accumulator(0) for name in ("articles", "bad_lines", "skipped")}

    def mapper(lines: Iterable[str]) -> Iterator[str]:
        return extract_partition(lines, batch_size=batch_size, default_lang=default_lang, counters=acc)

    lines = sc.textFile(input_path, minPartitions=partitions) if partitions else sc.textFile(input_path)
    lines.mapPartitions(mapper).saveAsTextFile(output_path)
    parts = sorted(str(p) for p in Path(output_path).glob("part-*")) if Path(output_path).exists() else []
    return JobResult(output_path, parts, acc["articles"].value, acc["bad_lines"].value, acc["skipped"].value)


def session(master: str | None = None, app_name: str = "kg-extract") -> Any:
    """A SparkSession that forwards ``KG_MODEL_*`` to executors (the driver's pipelines, the executors' too).

    On a cluster, executors need kg installed in their Python environment
    (``PYSPARK_PYTHON``, a packed virtualenv, or the cluster's image).
    """
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name).config("spark.ui.enabled", "false")
    if master:
        builder = builder.master(master)
    python = spark_python(sys.executable)
    if (master or "").startswith("local") and python:
        # Local workers must run this interpreter (the one with kg and spaCy), not whatever python3 is on PATH.
        os.environ["PYSPARK_PYTHON"] = python  # read by PySpark when it starts the workers
    for name, value in forwarded_environment(FORWARDED_ENV_PREFIXES).items():
        builder = builder.config(f"spark.executorEnv.{name}", value)
    return builder.getOrCreate()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.scale.spark", description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines articles (any path Spark reads: file, hdfs://, s3a://)")
    parser.add_argument("output", help="output directory (must not exist)")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[4] (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=None, help="minimum number of input partitions")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size per partition")
    parser.add_argument("--lang", default=None, help="language of articles that do not say")
    args = parser.parse_args(argv)

    spark = session(args.master)
    try:
        result = run_job(
            spark,
            args.input,
            args.output,
            partitions=args.partitions,
            batch_size=args.batch_size,
            default_lang=args.lang,
        )
    finally:
        spark.stop()
    print(
        f"kg.scale.spark: {result.articles} articles extracted into {result.output} "
        f"({len(result.parts)} part files); {result.bad_lines} bad lines, {result.skipped} articles skipped",
        file=sys.stderr,
    )
    return 1 if result.bad_lines or result.skipped else 0


if __name__ == "__main__":
    sys.exit(main())
