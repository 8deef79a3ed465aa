"""One batch written into the embedded store, with Neo4j's rules: the same rows (:func:`kg.load.rows.build_rows`)
give the same nodes, relationships and properties, merged and replaced the same way."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from kg.load.rows import BatchRows, iso
from kg.load.sqlite_reads import chunks

_REL_COLUMNS = [
    *("id", "predicate", "subject", "object", "article_id", "sentence", "start", "end", "evidence", "verb"),
    *("polarity", "hedged", "cameo", "plover", "confidence", "published", "reported_by"),
    *("quad", "goldstein", "addressee", "modality"),
]
_INSERT_RELATION = (
    f"INSERT OR REPLACE INTO relations ({', '.join(chr(34) + c + chr(34) for c in _REL_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_REL_COLUMNS))})"
)


def write_batch(db: sqlite3.Connection, rows: BatchRows, replaced: list[str]) -> Counter[str]:
    """Write ``rows`` (the transaction is the caller's); ``replaced``: the articles whose old evidence goes."""
    counters: Counter[str] = Counter()
    orphans: list[str] = []
    if replaced:
        marks = ",".join("?" * len(replaced))
        orphans = [
            key
            for (key,) in db.execute(
                f"SELECT DISTINCT object FROM relations WHERE article_id IN ({marks}) "
                "AND object IN (SELECT key FROM concepts)",
                replaced,
            )
        ]
        for table in ("mentions", "relations"):
            cur = db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", replaced)
            counters["relationships_deleted"] += cur.rowcount

    def created(table: str, column: str, keys: list[str]) -> int:
        if not keys:
            return 0
        existing = sum(
            db.execute(
                f"SELECT count(*) FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk
            ).fetchone()[0]
            for chunk in chunks(keys, 500)
        )
        return len(keys) - existing

    ids = rows.article_ids
    counters["nodes_created"] += created("articles", "id", ids)
    db.executemany(
        "INSERT INTO articles (id, url, title, source, published, lang, place, agency) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, source = excluded.source, "
        "published = excluded.published, lang = excluded.lang, place = excluded.place, agency = excluded.agency",
        [
            (a["id"], a["url"], a["title"], a["source"], iso(a["published"]), a["lang"], a["place"], a["agency"])
            for a in rows.articles
        ],
    )
    entity_rows = [row for _, group in sorted(rows.entities.items()) for row in group]
    counters["nodes_created"] += created("entities", "key", [e["key"] for e in entity_rows])
    for e in entity_rows:
        old = db.execute("SELECT aliases, country, role, sector FROM entities WHERE key = ?", (e["key"],)).fetchone()
        aliases, country, role, sector = e["aliases"], e["country"], e["role"], e["sector"]
        if old is not None:
            old_aliases = json.loads(old[0])
            aliases = old_aliases + [a for a in aliases if a not in old_aliases]
            country, role, sector = country or old[1], role or old[2], sector or old[3]
        db.execute(
            "INSERT OR REPLACE INTO entities (key, name, type, aliases, country, role, sector) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (e["key"], e["name"], e["type"], json.dumps(aliases, ensure_ascii=False), country, role, sector),
        )
    counters["nodes_created"] += created("concepts", "key", [c["key"] for c in rows.concepts])
    db.executemany(
        "INSERT OR REPLACE INTO concepts (key, text, lang) VALUES (?, ?, ?)",
        [(c["key"], c["text"], c["lang"]) for c in rows.concepts],
    )
    for inv in rows.involves:
        cur = db.execute(
            "INSERT OR IGNORE INTO involves (concept, entity) SELECT ?, ? WHERE EXISTS "
            "(SELECT 1 FROM entities WHERE key = ?)",
            (inv["concept"], inv["entity"], inv["entity"]),
        )
        counters["relationships_created"] += cur.rowcount
    for m in rows.mentions:
        key = (m["article_id"], m["key"])
        if db.execute("SELECT 1 FROM mentions WHERE article_id = ? AND entity = ?", key).fetchone() is None:
            counters["relationships_created"] += 1
        db.execute(
            "INSERT INTO mentions (article_id, entity, count) VALUES (?, ?, ?) "
            "ON CONFLICT (article_id, entity) DO UPDATE SET count = excluded.count",
            (*key, m["count"]),
        )
    for predicate, rel_rows in rows.relations.items():
        rel_ids = [r["id"] for r in rel_rows]
        counters["relationships_created"] += created("relations", "id", rel_ids)
        db.executemany(
            _INSERT_RELATION,
            [_relation_values(predicate, r) for r in rel_rows],
        )
    for key in orphans:  # concepts only the replaced evidence pointed to (as Neo4jStore drops them)
        if db.execute("SELECT 1 FROM relations WHERE object = ? LIMIT 1", (key,)).fetchone() is None:
            counters["relationships_deleted"] += db.execute("DELETE FROM involves WHERE concept = ?", (key,)).rowcount
            counters["nodes_deleted"] += db.execute("DELETE FROM concepts WHERE key = ?", (key,)).rowcount
    db.executemany(
        "UPDATE articles SET content_hash = ? WHERE id = ?", [(a["content_hash"], a["id"]) for a in rows.articles]
    )
    return counters


def _relation_values(predicate: str, row: dict[str, Any]) -> tuple:
    p = row["props"]
    values = {**p, "predicate": predicate, "subject": row["subject"], "object": row["object"]}
    values["published"] = iso(p["published"])
    values["hedged"] = int(bool(p["hedged"]))
    return tuple(values[c] for c in _REL_COLUMNS)
