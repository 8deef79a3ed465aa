// Actor network: who relates to whom, by predicate, weighted by the number of evidence sentences.
//
// Answers: "Which actors talk about, accuse, meet or support which others, and how often?"
// An edge A -PREDICATE-> B is counted for a direct relation between two entities and for a
// relation from A to a Concept that INVOLVES B (A states something about B). One row per
// (source, predicate, target) with its weight (distinct evidence sentences) and article count.
//
// Parameters:
//   predicates: list = @speech,@event - predicates to include (default: speech acts and events of kg.predicates)
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   min_weight: int = 1 - drop edges with fewer evidence sentences than this
//   limit: int = 500 - maximum number of edges
//
// Example: kg query actor_network -p since=2024-10-01 -p min_weight=2
CALL () {
  MATCH (s:Entity)-[r]->(t:Entity)
  RETURN s, r, t, 'direct' AS via
  UNION
  MATCH (s:Entity)-[r]->(:Concept)-[:INVOLVES]->(t:Entity)
  RETURN s, r, t, 'concept' AS via
}
WITH s, r, t, via
WHERE s <> t AND type(r) IN $predicates
  AND ($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)
WITH s, t, type(r) AS predicate, count(DISTINCT r) AS weight, count(DISTINCT r.article_id) AS articles,
     collect(DISTINCT via) AS via
WHERE weight >= $min_weight
RETURN s.key AS source_key, s.name AS source, s.type AS source_type, predicate,
       t.key AS target_key, t.name AS target, t.type AS target_type, weight, articles, via
ORDER BY weight DESC, source, predicate, target
LIMIT $limit
