// Hedged vs unhedged claims about an actor: what is asserted as fact and what only as possibility.
//
// Answers: "Which claims about North Korea are stated firmly and which are hedged ('reportedly',
// 'may have', 'soll')?" Every claim by, about or involving X, hedged ones first, with who made it
// (the speaker who reported an embedded claim, when there is one) and the evidence sentence.
//
// Parameters:
//   actor: string (required) - key, name or alias of X, matched case-insensitively
//   predicates: list = @speech,@event - predicates to include (default: speech acts and events of kg.predicates)
//   hedged: bool = null - only hedged (true) or only unhedged (false) claims (default: both)
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   limit: int = 200 - maximum number of rows
//
// Example: kg query hedged_claims -p actor="North Korea" -p hedged=true
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
  AND ($hedged IS NULL OR coalesce(r.hedged, false) = $hedged)
  AND ($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)
WITH DISTINCT s, r, o, role
OPTIONAL MATCH (rb:Entity {key: r.reported_by})
RETURN coalesce(r.hedged, false) AS hedged, s.name AS subject, type(r) AS predicate,
       CASE WHEN o:Concept THEN o.text ELSE o.name END AS object, role, r.polarity AS polarity,
       rb.name AS reported_by,
       r.evidence AS evidence, r.article_id AS article_id, r.published AS published
ORDER BY hedged DESC, published DESC, article_id, r.sentence
LIMIT $limit
