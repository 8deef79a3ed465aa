// Denials involving an actor: who denied what, where X is the denier, the denied actor or part of the denied claim.
//
// Answers: "Who denied something about North Korea, and what exactly was denied?" Includes
// denials BY X (role "denier"), denials whose object is X ("object") and denials of a claim
// (Concept) that involves X ("in claim"). One row per denial, newest first.
//
// Parameters:
//   actor: string (required) - key, name or alias of X, matched case-insensitively
//   predicates: list = DENIES - predicates that count as a denial
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   limit: int = 100 - maximum number of rows
//
// Example: kg query denials -p actor="country:PRK"
MATCH (x:Entity)
WHERE toLower(x.key) = toLower($actor) OR toLower(x.name) = toLower($actor)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($actor))
CALL (x) {
  MATCH (x)-[r]->(o)
  RETURN x AS s, r, o, 'denier' AS role
  UNION
  MATCH (s:Entity)-[r]->(x)
  RETURN s, r, x AS o, 'object' AS role
  UNION
  MATCH (s:Entity)-[r]->(o:Concept)-[:INVOLVES]->(x)
  RETURN s, r, o, 'in claim' AS role
}
WITH x, s, r, o, role
WHERE type(r) IN $predicates
  AND ($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)
OPTIONAL MATCH (a:Article {id: r.article_id})
RETURN s.name AS denier, type(r) AS predicate, CASE WHEN o:Concept THEN o.text ELSE o.name END AS denied,
       role, r.polarity AS polarity, r.hedged AS hedged, r.evidence AS evidence,
       r.article_id AS article_id, a.title AS title, r.published AS published
ORDER BY published DESC, article_id, r.sentence
LIMIT $limit
