// What an actor said: every speech act whose speaker is X, with its content and evidence.
//
// Answers: "What has Lloyd Austin stated, warned, denied or demanded, and where was it reported?"
// One row per statement, newest first; `about` is the addressed actor or the statement's content.
//
// Parameters:
//   actor: string (required) - key, name or alias of the speaker, matched case-insensitively
//   predicates: list = @speech - speech-act predicates to include (default: every speech act of kg.predicates)
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   limit: int = 100 - maximum number of rows
//
// Example: kg query statements_by -p actor="Lloyd Austin"
MATCH (x:Entity)
WHERE toLower(x.key) = toLower($actor) OR toLower(x.name) = toLower($actor)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($actor))
MATCH (x)-[r]->(o)
WHERE type(r) IN $predicates
  AND ($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)
OPTIONAL MATCH (a:Article {id: r.article_id})
RETURN x.name AS speaker, type(r) AS predicate, r.polarity AS polarity, r.hedged AS hedged,
       CASE WHEN o:Concept THEN o.text ELSE o.name END AS about,
       CASE WHEN o:Concept THEN [(o)-[:INVOLVES]->(e:Entity) | e.name] ELSE [o.name] END AS involves,
       r.evidence AS evidence, r.article_id AS article_id, a.title AS title, r.published AS published,
       r.sentence AS sentence
ORDER BY published DESC, article_id, sentence
LIMIT $limit
