"""Extraction beyond one machine: imports :mod:`kg.extract`, never imported by it.

* :mod:`kg.scale.spark` - extraction as a PySpark ``mapPartitions`` job writing the JSON Lines
  records that ``kg load`` reads (optional extra ``kg[spark]``); it parses its input with the
  readers' own :func:`kg.read.article_from_json` (same cleaning, same size limit).

On one machine, ``Extractor(workers=N)`` / ``--workers N`` runs worker processes itself
(:mod:`kg.extract.parallel`).
"""
