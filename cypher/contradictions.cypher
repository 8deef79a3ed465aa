// Contradictions: one actor asserts something and another denies it, about the same entities.
//
// Answers: "Where do actors contradict each other?" An assertion (STATES, REPORTS, ...) and a
// denial (DENIES, or an assertion with negative polarity) by different actors contradict when the
// entities they are about overlap: the object itself when it is an Entity, or the entities a Concept
// INVOLVES. Speakers affiliated with each other (a president and his country) never contradict
// each other here. With `actor` set, only pairs whose shared entities or whose two speakers include X.
// One row per assertion/denial pair, most shared entities first.
//
// Parameters:
//   actor: string = null - key, name or alias of an entity the pair must involve (default: any)
//   assert_predicates: list = STATES,REPORTS,QUOTES,ACCUSES,SUSPECTS - predicates that assert something
//   deny_predicates: list = DENIES - predicates that deny something
//   since: date = null - earliest publication date of either statement (inclusive)
//   until: date = null - latest publication date of either statement (inclusive)
//   limit: int = 100 - maximum number of rows
//
// Example: kg query contradictions -p actor="North Korea"
// Anchored on each shared entity e: pairs of statements about the same e, never all assertions x all denials.
MATCH (e:Entity)
CALL (e) {
  MATCH (a1:Entity)-[r1]->(e)
  RETURN a1, r1, e AS o1
  UNION
  MATCH (a1:Entity)-[r1]->(o1:Concept)-[:INVOLVES]->(e)
  RETURN a1, r1, o1
}
WITH e, a1, r1, o1
WHERE type(r1) IN $assert_predicates AND r1.polarity = 'positive'
  AND ($since IS NULL OR r1.published >= $since)
  AND ($until IS NULL OR r1.published <= $until)
CALL (e) {
  MATCH (a2:Entity)-[r2]->(e)
  RETURN a2, r2, e AS o2
  UNION
  MATCH (a2:Entity)-[r2]->(o2:Concept)-[:INVOLVES]->(e)
  RETURN a2, r2, o2
}
WITH e, a1, r1, o1, a2, r2, o2
WHERE a2 <> a1 AND NOT EXISTS { (a1)-[:AFFILIATED_WITH]-(a2) }
  AND ((type(r2) IN $deny_predicates AND r2.polarity = 'positive')
       OR (type(r2) IN $assert_predicates AND r2.polarity = 'negative'))
  AND ($since IS NULL OR r2.published >= $since)
  AND ($until IS NULL OR r2.published <= $until)
WITH a1, r1, o1, a2, r2, o2, collect(DISTINCT e) AS shared
WHERE $actor IS NULL OR any(x IN shared + [a1, a2] WHERE
        toLower(x.key) = toLower($actor) OR toLower(x.name) = toLower($actor)
        OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($actor)))
RETURN a1.name AS asserter, type(r1) AS assertion, CASE WHEN o1:Concept THEN o1.text ELSE o1.name END AS claim,
       a2.name AS denier, type(r2) AS denial, CASE WHEN o2:Concept THEN o2.text ELSE o2.name END AS denied,
       [x IN shared | x.name] AS shared_entities,
       r1.evidence AS assertion_evidence, r2.evidence AS denial_evidence,
       r1.article_id AS assertion_article, r2.article_id AS denial_article,
       r1.published AS asserted_on, r2.published AS denied_on
ORDER BY size(shared) DESC, asserted_on DESC, asserter, denier, assertion_evidence
LIMIT $limit
