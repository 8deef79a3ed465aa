// Most mentioned actors in a period, by total mentions across articles.
//
// Answers: "Who dominated the news in October 2024?" Sums the MENTIONS counts of every article
// published in the period, per entity, optionally only for some entity types.
//
// Parameters:
//   since: date = null - earliest publication date (inclusive)
//   until: date = null - latest publication date (inclusive)
//   types: list = @entity_types - entity types to include (default: all of kg.model.ENTITY_TYPES)
//   limit: int = 20 - number of actors
//
// Example: kg query top_mentioned -p since=2024-10-01 -p until=2024-10-31 -p types=Person,Country
MATCH (a:Article)-[m:MENTIONS]->(e:Entity)
WHERE e.type IN $types
  AND ($since IS NULL OR a.published >= $since)
  AND ($until IS NULL OR a.published <= $until)
RETURN e.key AS key, e.name AS name, e.type AS type, e.country AS country,
       sum(coalesce(m.count, 1)) AS mentions, count(DISTINCT a) AS articles,
       min(a.published) AS first_seen, max(a.published) AS last_seen
ORDER BY mentions DESC, articles DESC, name
LIMIT $limit
