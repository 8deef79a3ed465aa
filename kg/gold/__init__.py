"""Gold annotations: reading them, scoring extraction against them, and graphs built from them.

* :mod:`kg.gold.score` - precision, recall and F1 of extraction against gold articles (``kg eval``);
  :func:`kg.gold.score.read_gold` reads a gold file into :class:`~kg.gold.score.GoldArticle` records.
* :mod:`kg.gold.graph` - the :class:`~kg.model.Extraction` a perfect extractor would give for each
  gold record (:func:`kg.gold.graph.gold_extractions`), for query tests and notebooks.

The gold format is described in ``tests/fixtures/gold/``; nothing here reads a path of the source
checkout by itself.
"""
