"""The graph in networkx: projection from Neo4j, analysis, export.

* :func:`kg.graph.projection.neo4j_to_networkx` - Neo4j -> ``MultiDiGraph`` (``LocalStore.to_networkx`` gives the same)
* :mod:`kg.graph.analysis` - ``actor_network``, ``centrality``, ``communities``, ``ego_network``
* :mod:`kg.graph.export` - GraphML, GEXF, node-link JSON
"""
