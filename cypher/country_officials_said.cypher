// What officials of a country said: speech acts by people and bodies of country C.
//
// Answers: "What did Russian officials say, and about what?" A speaker belongs to C when its
// `country` is C's ISO code, when it is AFFILIATED_WITH C, or affiliated with a body that is
// (a minister of a ministry of C). The country entity itself is not an official. Newest first.
//
// Parameters:
//   country: string (required) - ISO 3166 alpha-3 code, key, name or alias of the country ("RUS", "Russia")
//   predicates: list = @speech - speech-act predicates to include (default: every speech act of kg.predicates)
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   limit: int = 100 - maximum number of rows
//
// Example: kg query country_officials_said -p country=USA
OPTIONAL MATCH (c:Country)
WHERE toUpper(c.country) = toUpper($country) OR toLower(c.key) = toLower($country)
   OR toLower(c.name) = toLower($country)
   OR any(alias IN coalesce(c.aliases, []) WHERE toLower(alias) = toLower($country))
WITH coalesce(c.country, toUpper($country)) AS code, c
MATCH (p:Entity)-[r]->(o)
WHERE type(r) IN $predicates AND NOT p:Country
  AND (p.country = code
       OR (c IS NOT NULL AND (EXISTS { (p)-[:AFFILIATED_WITH]->(c) }
                              OR EXISTS { (p)-[:AFFILIATED_WITH]->(:Entity)-[:AFFILIATED_WITH]->(c) })))
  AND ($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)
OPTIONAL MATCH (a:Article {id: r.article_id})
RETURN DISTINCT p.name AS official, p.role AS role, code AS country, type(r) AS predicate,
       CASE WHEN o:Concept THEN o.text ELSE o.name END AS about, r.polarity AS polarity, r.hedged AS hedged,
       r.evidence AS evidence, r.article_id AS article_id, a.title AS title, r.published AS published,
       r.sentence AS sentence
ORDER BY published DESC, article_id, sentence
LIMIT $limit
