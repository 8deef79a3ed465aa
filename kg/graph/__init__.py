"""The graph in networkx: building, analysis, export. networkx only: no store, no driver, no CLI.

The stores hand this package their (filtered) data: ``GraphStore.to_networkx(predicates=, since=, until=)``
gives the ``MultiDiGraph`` documented in :mod:`kg.graph.build`, from the embedded store or from Neo4j
(:mod:`kg.load.neo4j_projection`).

* :mod:`kg.graph.build` - the ``MultiDiGraph`` layout both stores build
* :mod:`kg.graph.analysis` - ``actor_network``, ``centrality``, ``communities``, ``ego_network``
* :mod:`kg.graph.export` - GraphML, GEXF, node-link JSON, the events CSV and the HTML page
"""
