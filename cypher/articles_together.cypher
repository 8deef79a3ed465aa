// Articles where two actors appear together, with the relations read between them there.
//
// Answers: "Which articles mention both North Korea and Russia, and what do they say links them?"
// One row per article mentioning both, newest first, with both mention counts and the predicates
// of relations between the two in that article (direct, or through a statement's content).
//
// Parameters:
//   actor: string (required) - key, name or alias of the first actor, matched case-insensitively
//   other: string (required) - key, name or alias of the second actor, matched case-insensitively
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   limit: int = 100 - maximum number of articles
//
// Example: kg query articles_together -p actor="North Korea" -p other=Russia
MATCH (x:Entity)
WHERE toLower(x.key) = toLower($actor) OR toLower(x.name) = toLower($actor)
   OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($actor))
MATCH (y:Entity)
WHERE x <> y AND (toLower(y.key) = toLower($other) OR toLower(y.name) = toLower($other)
   OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower($other)))
MATCH (x)<-[mx:MENTIONS]-(a:Article)-[my:MENTIONS]->(y)
WHERE ($since IS NULL OR a.published >= $since)
  AND ($until IS NULL OR a.published <= $until)
WITH x, y, a, mx, my,
     [(x)-[r]-(y) WHERE r.article_id = a.id | type(r)]
     + [(x)-[r]->(:Concept)-[:INVOLVES]->(y) WHERE r.article_id = a.id | type(r)]
     + [(y)-[r]->(:Concept)-[:INVOLVES]->(x) WHERE r.article_id = a.id | type(r)] AS links
RETURN a.id AS article_id, a.title AS title, a.published AS published, a.source AS source, a.lang AS lang,
       x.name AS actor, coalesce(mx.count, 1) AS actor_mentions, y.name AS other, coalesce(my.count, 1) AS other_mentions,
       links AS relations
ORDER BY published DESC, article_id
LIMIT $limit
