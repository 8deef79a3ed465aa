// kg graph schema: the single source of the constraints and indexes kg creates.
//
// kg.load.schema reads this file and runs every statement, in order, before any load.
// Every statement is idempotent (IF NOT EXISTS), so running it again changes nothing.
// Statements end with a semicolon; lines starting with // are comments.
//
// Statements after the @per-relationship-type marker line are templates: they are run
// once for every relationship type kg may write (the predicate vocabulary of
// kg.predicates plus kg.model.STRUCTURAL_PREDICATES), with {type} replaced by the type
// (always an upper-case identifier from that whitelist) and {name} by its lower-case form.
//
// Graph model:
//   (:Article {id, url, title, source, published: date, lang, place, agency, content_hash})
//   (:Entity:<Type> {key, name, type, aliases: [string], country, role, sector})   <Type> from kg.model.ENTITY_TYPES
//   (:Concept {key, text, lang})
//   (:Concept)-[:INVOLVES]->(:Entity)
//   (:Article)-[:MENTIONS {count}]->(:Entity)
//   (:Entity)-[:<PREDICATE> {id, article_id, sentence, start, end, evidence, verb, polarity, hedged,
//                           cameo, plover, quad, goldstein: float, confidence, published: date, reported_by,
//                           addressee, modality}]->(:Entity|:Concept)

// One node per article, canonical entity and concept.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT concept_key IF NOT EXISTS FOR (c:Concept) REQUIRE c.key IS UNIQUE;

// What queries filter on.
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_country IF NOT EXISTS FOR (e:Entity) ON (e.country);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published);

// @per-relationship-type
// Triple ids are unique per type. A uniqueness constraint (its backing index keeps the name) makes
// MERGE (s)-[r:T {id: row.id}]->(o) a unique index seek; with a plain index the planner scanned the whole
// index per row on a fresh database, or expanded every relationship between two hub actors.
CREATE CONSTRAINT rel_{name}_id IF NOT EXISTS FOR ()-[r:{type}]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX rel_{name}_article IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.article_id);
CREATE INDEX rel_{name}_published IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.published);
