// Timeline of an actor: statements and events by or about X, in date order.
//
// Answers: "What happened around North Korea, day by day?" Every relation whose subject is X
// (role "by"), whose object is X ("about") or whose object is a Concept involving X ("in claim"),
// oldest first, with the evidence sentence.
//
// Parameters:
//   actor: string (required) - key, name or alias of X, matched case-insensitively
//   predicates: list = @speech,@event - predicates to include (default: speech acts and events of kg.predicates)
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   limit: int = 200 - maximum number of rows
//
// Example: kg query timeline -p actor="Nordkorea" -p since=2024-10-01
MATCH (x:Entity)
WHERE toLower(x.key) = toLower($actor) OR toLower(x.name) = toLower($actor)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($actor))
CALL (x) {
  MATCH (x)-[r]->(o)
  RETURN x AS s, r, o, 'by' AS role
  UNION
  MATCH (s:Entity)-[r]->(x)
  RETURN s, r, x AS o, 'about' AS role
  UNION
  MATCH (s:Entity)-[r]->(o:Concept)-[:INVOLVES]->(x)
  RETURN s, r, o, 'in claim' AS role
}
WITH s, r, o, role
WHERE type(r) IN $predicates
  AND ($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)
WITH DISTINCT s, r, o, role
RETURN r.published AS published, s.name AS subject, type(r) AS predicate,
       CASE WHEN o:Concept THEN o.text ELSE o.name END AS object, role,
       r.polarity AS polarity, r.hedged AS hedged, r.evidence AS evidence, r.article_id AS article_id,
       r.sentence AS sentence
ORDER BY published, article_id, sentence, predicate
LIMIT $limit
