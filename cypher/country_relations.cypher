// Relations between two countries by predicate and CAMEO/PLOVER event type, in both directions.
//
// Answers: "How do Russia and North Korea act towards each other: statements, denials, support,
// deployments?" A relation goes from country A to country B when its subject belongs to A (the
// country itself, an entity with A's ISO code, or one AFFILIATED_WITH A) and its object, or an
// entity its Concept INVOLVES, belongs to B. One row per direction, predicate, CAMEO and PLOVER code.
//
// Parameters:
//   country_a: string (required) - ISO 3166 alpha-3 code, key, name or alias of the first country
//   country_b: string (required) - ISO 3166 alpha-3 code, key, name or alias of the second country
//   predicates: list = @speech,@event - predicates to include (default: speech acts and events of kg.predicates)
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//
// Example: kg query country_relations -p country_a=RUS -p country_b=PRK
MATCH (c1:Country)
WHERE toUpper(c1.country) = toUpper($country_a) OR toLower(c1.key) = toLower($country_a)
   OR toLower(c1.name) = toLower($country_a)
   OR any(alias IN coalesce(c1.aliases, []) WHERE toLower(alias) = toLower($country_a))
MATCH (c2:Country)
WHERE c2 <> c1 AND (toUpper(c2.country) = toUpper($country_b) OR toLower(c2.key) = toLower($country_b)
   OR toLower(c2.name) = toLower($country_b)
   OR any(alias IN coalesce(c2.aliases, []) WHERE toLower(alias) = toLower($country_b)))
MATCH (s:Entity)-[r]->(o)
WHERE type(r) IN $predicates
  AND ($since IS NULL OR r.published >= $since)
  AND ($until IS NULL OR r.published <= $until)
WITH c1, c2, s, r, CASE WHEN o:Concept THEN [(o)-[:INVOLVES]->(e:Entity) | e] ELSE [o] END AS targets
WITH c1, c2, r,
     coalesce(s = c1 OR s.country = c1.country OR EXISTS { (s)-[:AFFILIATED_WITH]->(c1) }, false) AS from1,
     coalesce(s = c2 OR s.country = c2.country OR EXISTS { (s)-[:AFFILIATED_WITH]->(c2) }, false) AS from2,
     any(t IN targets WHERE coalesce(t = c1 OR t.country = c1.country
                                     OR EXISTS { (t)-[:AFFILIATED_WITH]->(c1) }, false)) AS to1,
     any(t IN targets WHERE coalesce(t = c2 OR t.country = c2.country
                                     OR EXISTS { (t)-[:AFFILIATED_WITH]->(c2) }, false)) AS to2
UNWIND (CASE WHEN from1 AND to2 THEN [[c1.name, c2.name]] ELSE [] END
        + CASE WHEN from2 AND to1 THEN [[c2.name, c1.name]] ELSE [] END) AS direction
RETURN direction[0] AS from_country, direction[1] AS to_country, type(r) AS predicate, r.cameo AS cameo,
       r.plover AS plover, count(*) AS relations, count(DISTINCT r.article_id) AS articles,
       collect(r.evidence)[0..3] AS examples
ORDER BY relations DESC, from_country, predicate, cameo
