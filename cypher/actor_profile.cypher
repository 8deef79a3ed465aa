// Profile of an actor: names, roles, affiliations, coverage and what it does, by predicate.
//
// Answers: "Who is Lloyd Austin in this graph?" One row per matching entity: aliases, role,
// country, affiliations (with roles), members affiliated with it, articles and mentions, first
// and last seen, and counts of its relations by predicate as subject ("does") and as object or
// statement content ("receives").
//
// Parameters:
//   actor: string (required) - key, name or alias of the actor, matched case-insensitively
//
// Example: kg query actor_profile -p actor="Lloyd Austin"
MATCH (x:Entity)
WHERE toLower(x.key) = toLower($actor) OR toLower(x.name) = toLower($actor)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($actor))
CALL (x) {
  OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(x)
  RETURN count(a) AS articles, sum(CASE WHEN m IS NULL THEN 0 ELSE coalesce(m.count, 1) END) AS mentions,
         min(a.published) AS first_seen, max(a.published) AS last_seen
}
CALL (x) {
  OPTIONAL MATCH (x)-[r]->()
  WHERE type(r) <> 'AFFILIATED_WITH'
  WITH type(r) AS predicate, count(r) AS n
  ORDER BY n DESC, predicate
  RETURN collect(CASE WHEN predicate IS NOT NULL THEN predicate + ': ' + toString(n) END) AS does
}
CALL (x) {
  CALL (x) {
    MATCH (:Entity)-[r]->(x) RETURN r
    UNION
    MATCH (:Entity)-[r]->(:Concept)-[:INVOLVES]->(x) RETURN r
  }
  WITH r WHERE type(r) <> 'AFFILIATED_WITH'
  WITH type(r) AS predicate, count(r) AS n
  ORDER BY n DESC, predicate
  RETURN collect(predicate + ': ' + toString(n)) AS receives
}
RETURN x.key AS key, x.name AS name, x.type AS type, x.country AS country, x.role AS role,
       coalesce(x.aliases, []) AS aliases,
       COLLECT { MATCH (x)-[af:AFFILIATED_WITH]->(o:Entity)
                 RETURN DISTINCT o.name + CASE WHEN af.role IS NULL THEN '' ELSE ' (' + af.role + ')' END } AS affiliations,
       COLLECT { MATCH (m:Entity)-[:AFFILIATED_WITH]->(x) RETURN DISTINCT m.name } AS members,
       articles, mentions, first_seen, last_seen, does, receives
ORDER BY articles DESC, key
