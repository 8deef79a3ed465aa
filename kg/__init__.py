"""kg: a knowledge-graph builder for geopolitical news.

Data flows one way: read articles (:mod:`kg.read`) -> extract entities and
triples (:mod:`kg.extract`) -> resolve canonical actors -> load into Neo4j or
the embedded store (:mod:`kg.load`). :mod:`kg.model` is the contract between
the stages.
"""

__version__ = "0.1.0"
