// Shortest paths between two actors through relations and statement contents (not through articles).
//
// Answers: "How is Lloyd Austin connected to Vladimir Putin?" Follows every relation in either
// direction, including Concept INVOLVES links and AFFILIATED_WITH, but never MENTIONS (two actors
// in the same article are not thereby connected; see articles_together). One row per shortest path
// through distinct nodes; `variants` counts the parallel relationships (evidence) along it.
//
// Parameters:
//   source: string (required) - key, name or alias of the first actor, matched case-insensitively
//   target: string (required) - key, name or alias of the second actor, matched case-insensitively
//   max_hops: int = 6 - longest path to accept (at most 10)
//   limit: int = 10 - maximum number of paths
//
// Example: kg query shortest_path -p source="Lloyd Austin" -p target="Vladimir Putin"
MATCH (a:Entity)
WHERE toLower(a.key) = toLower($source) OR toLower(a.name) = toLower($source)
   OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($source))
MATCH (b:Entity)
WHERE a <> b AND (toLower(b.key) = toLower($target) OR toLower(b.name) = toLower($target)
   OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($target)))
MATCH p = allShortestPaths((a)-[*..10]-(b))
WHERE all(rel IN relationships(p) WHERE type(rel) <> 'MENTIONS') AND length(p) <= $max_hops
WITH p, nodes(p) AS ns, relationships(p) AS rs
WITH length(p) AS hops,
     reduce(text = coalesce(ns[0].name, ns[0].text), i IN range(0, size(rs) - 1) |
       text + CASE WHEN startNode(rs[i]) = ns[i] THEN ' -' + type(rs[i]) + '-> ' ELSE ' <-' + type(rs[i]) + '- ' END
            + coalesce(ns[i + 1].name, '"' + ns[i + 1].text + '"')) AS path,
     [n IN ns | coalesce(n.key, '')] AS keys,
     [rel IN rs | type(rel)] AS relations,
     [rel IN rs WHERE rel.evidence IS NOT NULL | rel.evidence] AS evidence
// Parallel relationships (the same fact read in two articles) give the same path: report it once.
RETURN hops, path, keys, relations, head(collect(evidence)) AS evidence, count(*) AS variants
ORDER BY hops, path
LIMIT $limit
