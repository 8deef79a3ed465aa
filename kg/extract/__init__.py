"""Extraction: articles in, :class:`~kg.model.Extraction` records out.

Public entry point: :class:`kg.extract.pipeline.Extractor`::

    from kg.extract.pipeline import Extractor
    extractor = Extractor()                       # pipelines resolved per language on first use
    for extraction in extractor.extract(articles, on_skip=report):
        ...                                       # one Extraction per article, in input order

Stages, each its own module:

* :mod:`kg.extract.entities` - spaCy NER plus the gazetteer layer -> raw mentions
* :mod:`kg.extract.resolve`  - canonical keys, in-article coreference, roles -> :class:`MentionIndex`
* :mod:`kg.extract.relations` - dependency patterns (UD and TIGER) -> triples
* :mod:`kg.extract.pipeline` - orchestration: language choice, ``nlp.pipe`` streaming, workers
* :mod:`kg.extract.parallel` - language regrouping for batching, and worker processes (``workers > 1``)
* :mod:`kg.extract.report`   - the run report: skips, failures (``on_error``), missing models
"""
