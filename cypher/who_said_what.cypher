// Who said what about an actor: every speech act aimed at X or at a statement involving X.
//
// Answers: "What has been said about North Korea, by whom, in which sentence of which article?"
// A statement counts when its object is X itself or a Concept (the content of the statement)
// that INVOLVES X. One row per statement, newest first.
//
// Parameters:
//   actor: string (required) - key, name or alias of X, matched case-insensitively
//   predicates: list = @speech - speech-act predicates to include (default: every speech act of kg.predicates)
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   limit: int = 100 - maximum number of rows
//
// Example: kg query who_said_what -p actor="North Korea"
MATCH (x:Entity)
WHERE toLower(x.key) = toLower($actor) OR toLower(x.name) = toLower($actor)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($actor))
CALL (x) {
  MATCH (s:Entity)-[r]->(x)
  RETURN s, r, x AS o
  UNION
  MATCH (s:Entity)-[r]->(o:Concept)-[:INVOLVES]->(x)
  RETURN s, r, o
}
WITH x, s, r, o
WHERE type(r) IN $predicates
  AND ($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)
OPTIONAL MATCH (a:Article {id: r.article_id})
RETURN s.name AS speaker, s.key AS speaker_key, type(r) AS predicate, r.polarity AS polarity, r.hedged AS hedged,
       CASE WHEN o:Concept THEN o.text ELSE o.name END AS about, x.name AS actor,
       r.evidence AS evidence, r.article_id AS article_id, a.title AS title, r.published AS published,
       r.sentence AS sentence
ORDER BY published DESC, article_id, sentence
LIMIT $limit
