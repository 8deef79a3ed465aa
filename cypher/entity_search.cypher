// Find actors by part of their key, name or alias: the first step when you do not know the canonical key.
//
// Answers: "Which entities are called something like 'korea'?" Case-insensitive substring match,
// most covered first, with type, country, role, aliases and number of articles.
//
// Parameters:
//   text: string (required) - part of a key, name or alias
//   type: string = null - only entities of this type (Person, Organization, Country, Location, Group, Event, Misc)
//   limit: int = 25 - maximum number of rows
//
// Example: kg query entity_search -p text=korea
MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type)
  AND (toLower(e.key) CONTAINS toLower($text) OR toLower(e.name) CONTAINS toLower($text)
       OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) CONTAINS toLower($text)))
RETURN e.key AS key, e.name AS name, e.type AS type, e.country AS country, e.role AS role,
       coalesce(e.aliases, []) AS aliases, COUNT { (:Article)-[:MENTIONS]->(e) } AS articles
ORDER BY articles DESC, name
LIMIT $limit
