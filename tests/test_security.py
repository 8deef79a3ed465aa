"""Security: values are always parameters, labels and types come only from whitelists, credentials never show.

The code scan below is the guard against future regressions: every place in ``kg/`` that splices anything
into a Cypher (or SQL) string must be listed in :data:`ALLOWED_INTERPOLATIONS` after a human checked that
the spliced value comes from a whitelist. A new one makes the test fail with the exact place.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.config import Neo4jSettings
from kg.load import LocalStore, Neo4jStore, StoreError, connect_neo4j
from kg.model import Article, Concept, Entity, Extraction, ModelError, Provenance, Triple
from kg.vocabulary import UnknownEntityTypeError, UnknownPredicateError, check_label, check_relationship_type

ROOT = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-c", "from kg.cli import main; main()"]

# -- the code scan ------------------------------------------------------------------------------------------------
_QUERY_WORDS = re.compile(r"\b(MATCH|MERGE|CREATE|UNWIND|RETURN|DELETE|REMOVE|CALL|SELECT|INSERT|UPDATE)\b")
_PLACEHOLDER = re.compile(r"^\{\w+\}$")

#: (file, how, spliced expression) -> why it is safe. Reviewed by hand; keep it short.
ALLOWED_INTERPOLATIONS: dict[tuple[str, str, str], str] = {
    ("kg/load/neo4j_writer.py", "f-string", "label"): "labels from db.labels() that are in ENTITY_TYPES",
    ("kg/load/neo4j_writer.py", "f-string", "rel_type"): "types from db.relationshipTypes() in the whitelist",
    ("kg/load/neo4j_batch.py", "replace", "label"): "entity label passed through check_label()",
    ("kg/load/neo4j_batch.py", "+", "':'.join(others)"): "ENTITY_TYPES minus a checked label",
    ("kg/load/neo4j_batch.py", "replace", "'REMOVE e:' + ':'.join(others)"): "ENTITY_TYPES minus a checked label",
    ("kg/load/neo4j_batch.py", "replace", "check_relationship_type(predicate)"): "whitelist check inline",
    ("kg/load/neo4j_batch.py", "replace", "check_relationship_type(rel_type)"): "whitelist check inline",
    ("kg/load/schema.py", "replace", "rel_type"): "vocabulary() entries, shape re-checked",
    ("kg/load/schema.py", "replace", "rel_type.lower()"): "vocabulary() entries, shape re-checked",
    ("kg/load/sqlite_batch.py", "f-string", "table"): "SQL table names from literal tuples in the code",
    ("kg/load/sqlite_batch.py", "f-string", "column"): "SQL column names from literals in the code",
    ("kg/load/sqlite_batch.py", "f-string", "marks"): "a string of '?' placeholders",
    ("kg/load/sqlite_reads.py", "f-string", "marks"): "a string of '?' placeholders",
    ("kg/load/sqlite_batch.py", "f-string", "','.join('?' * len(chunk))"): "a string of '?' placeholders",
    ("kg/load/sqlite_batch.py", "f-string", "', '.join('?' * len(_REL_COLUMNS))"): "'?' placeholders",
    ("kg/load/sqlite_batch.py", "f-string", "', '.join((chr(34) + c + chr(34) for c in _REL_COLUMNS))"): "literals",
}


def _const_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def query_interpolations(path: Path, rel: str) -> set[tuple[str, str, str]]:
    """Every expression spliced into a string that looks like a query (f-string, +, %, .format, .replace)."""
    found: set[tuple[str, str, str]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr) and _QUERY_WORDS.search(_const_text(node) or ""):
            found |= {(rel, "f-string", ast.unparse(v.value)) for v in node.values if isinstance(v, ast.FormattedValue)}
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            for side, other in ((node.left, node.right), (node.right, node.left)):
                text = _const_text(side)
                if (
                    text
                    and _QUERY_WORDS.search(text)
                    and (_const_text(other) is None or isinstance(other, ast.JoinedStr))
                ):
                    found.add((rel, "%" if isinstance(node.op, ast.Mod) else "+", ast.unparse(other)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "format" and _QUERY_WORDS.search(_const_text(node.func.value) or ""):
                found |= {(rel, "format", ast.unparse(a)) for a in [*node.args, *(k.value for k in node.keywords)]}
            first = _const_text(node.args[0]) if node.args else None
            if node.func.attr == "replace" and first and _PLACEHOLDER.match(first) and len(node.args) > 1:
                found.add((rel, "replace", ast.unparse(node.args[1])))
    return found


def test_the_scanner_catches_each_way_of_building_a_query(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "a = f\"MATCH (n {{name: '{name}'}}) RETURN n\"\n"
        'b = "MATCH (n) WHERE n.x = " + value\n'
        'c = "MATCH (n) WHERE n.x = %s" % value\n'
        'd = "MATCH (n:{}) RETURN n".format(label)\n'
        'e = TEMPLATE.replace("{type}", predicate)\n'
        'ok = "MATCH (n) WHERE n.x = $x RETURN n"\n'
        'msg = f"cannot read {path}"\n'
    )
    found = {(how, expr) for _, how, expr in query_interpolations(sample, "sample.py")}
    assert found == {
        ("f-string", "name"),
        ("+", "value"),
        ("%", "value"),
        ("format", "label"),
        ("replace", "predicate"),
    }


def test_no_query_in_kg_interpolates_anything_but_reviewed_whitelisted_names():
    found: set[tuple[str, str, str]] = set()
    for path in sorted((ROOT / "kg").rglob("*.py")):
        found |= query_interpolations(path, path.relative_to(ROOT).as_posix())
    unreviewed = sorted(found - set(ALLOWED_INTERPOLATIONS))
    assert not unreviewed, (
        "values spliced into Cypher/SQL strings (use $parameters; labels/types only from the whitelists, then add "
        "the reviewed line to ALLOWED_INTERPOLATIONS):\n" + "\n".join(map(str, unreviewed))
    )


# -- whitelists at the model and the loader ---------------------------------------------------------------------
HOSTILE_TYPES = ["Person) DETACH DELETE (n", "Person`:Admin", "person", "", "Weapon"]
HOSTILE_PREDICATES = ["STATES]->() DETACH DELETE n //", "states", "MENTIONS", "INVOLVES", "DROP_DATABASE", "A B"]


@pytest.mark.parametrize("entity_type", HOSTILE_TYPES)
def test_entity_types_outside_the_whitelist_are_refused_by_model_and_loader(entity_type):
    with pytest.raises(ModelError):
        Entity("x:y", "Y", entity_type)
    with pytest.raises(UnknownEntityTypeError):
        check_label(entity_type)


@pytest.mark.parametrize("predicate", HOSTILE_PREDICATES)
def test_predicates_outside_the_vocabulary_are_refused_by_the_loader(predicate):
    with pytest.raises(UnknownPredicateError):
        check_relationship_type(predicate)


def _extraction(predicate: str = "STATES", entity_type: str = "Person") -> Extraction:
    art = Article.create("Text.", id="sec-1", published=date(2024, 1, 2), lang="de")
    a = Entity("person:a", "A", "Person")
    b = Entity("country:RUS", "Russia", "Country", country="RUS")
    if entity_type != "Person":
        object.__setattr__(a, "type", entity_type)  # a forged record that bypassed the model's check
    triple = Triple(a, "STATES", b, Provenance(art.id, 0, 0, 5, "Text."))
    if predicate != "STATES":
        object.__setattr__(triple, "predicate", predicate)
    return Extraction(art, (a, b), (triple,), (("person:a", 1), ("country:RUS", 1)))


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "bad", [{"predicate": "DROP_DATABASE"}, {"predicate": "X]->() DELETE n //"}, {"entity_type": "Person:Admin"}]
)
def test_forged_records_never_reach_neo4j(neo4j_db, neo4j_settings, bad):
    store = Neo4jStore(neo4j_db, neo4j_settings.database)
    with pytest.raises(ModelError):
        store.write([_extraction(**bad)])
    records, _, _ = neo4j_db.execute_query("MATCH (n) RETURN count(n) AS n", database_=neo4j_settings.database)
    assert records[0]["n"] == 0  # validated for the whole batch before any statement ran


@pytest.mark.parametrize("bad", [{"predicate": "DROP_DATABASE"}, {"entity_type": "Person:Admin"}])
def test_forged_records_never_reach_the_local_store(tmp_path, bad):
    with LocalStore(tmp_path / "store") as store:
        with pytest.raises(ModelError):
            store.write([_extraction(**bad)])
        assert store.known_hashes(["sec-1"]) == {}


@pytest.mark.neo4j
def test_injection_strings_are_stored_as_data_in_neo4j(neo4j_db, neo4j_settings):
    hostile = "'}) MATCH (n) DETACH DELETE n //\" \\ ${x} `Admin` \u202eevil\u200f"
    art = Article.create("Quelle: " + hostile, id="inj-1", title=hostile, source=hostile)
    a = Entity("person:x", hostile, "Person", aliases=(hostile, "X"), role=hostile)
    concept = Concept.create(hostile, "de", ["person:x"])
    triple = Triple(a, "STATES", concept, Provenance(art.id, 0, 0, 9, hostile), verb=hostile)
    Neo4jStore(neo4j_db, neo4j_settings.database).write([Extraction(art, (a,), (triple,), (("person:x", 1),))])
    db = neo4j_settings.database
    rec, _, _ = neo4j_db.execute_query(
        "MATCH (e:Entity {key: 'person:x'})-[r:STATES]->(c:Concept) MATCH (a:Article {id: 'inj-1'}) "
        "RETURN e.name AS name, e.aliases AS aliases, e.role AS role, r.evidence AS ev, r.verb AS verb, "
        "c.text AS concept, a.title AS title, a.source AS source",
        database_=db,
    )
    row = rec[0]
    assert row["name"] == row["role"] == row["ev"] == row["verb"] == row["title"] == row["source"] == hostile
    assert row["aliases"] == [hostile, "X"] and row["concept"] == concept.text
    labels, _, _ = neo4j_db.execute_query("CALL db.labels() YIELD label RETURN collect(label) AS l", database_=db)
    assert "Admin" not in labels[0]["l"]


# -- credentials --------------------------------------------------------------------------------------------------
def _kg(*args: str, **env: str | None) -> subprocess.CompletedProcess:
    full = {**os.environ, "KG_NEO4J_CONNECT_TIMEOUT": "5"}
    for name, value in env.items():
        if value is None:
            full.pop(name, None)
        else:
            full[name] = value
    return subprocess.run([*KG, *args], env=full, capture_output=True, text=True, timeout=120)


@pytest.mark.neo4j
@pytest.mark.parametrize("command", [["stats", "--neo4j"], ["query", "top_mentioned"]])
def test_wrong_password_exits_3_without_echoing_it(neo4j_settings, tmp_path, command):
    result = _kg(
        *command,
        NEO4J_URI=neo4j_settings.uri,
        # Not user neo4j: repeated failures would lock the account the rest of the suite uses (Neo4j's
        # auth_max_failed_attempts); for an unknown user the server answers with the same auth failure.
        NEO4J_USER="kg-intruder",
        NEO4J_PASSWORD="Wrong-Secret-4711",
        KG_CONFIG=str(tmp_path / "none"),
    )
    out = result.stdout + result.stderr
    assert result.returncode == 3, out
    assert "Wrong-Secret-4711" not in out and "Traceback" not in out
    assert neo4j_settings.uri in out


@pytest.mark.parametrize("command", [["stats", "--neo4j"], ["query", "top_mentioned"], ["load", "--neo4j", "-"]])
def test_credentials_embedded_in_the_uri_are_redacted(tmp_path, command):
    result = _kg(
        *command, NEO4J_URI="neo4j://user:secret@127.0.0.1:1", NEO4J_PASSWORD=None, KG_CONFIG=str(tmp_path / "n")
    )
    out = result.stdout + result.stderr
    assert result.returncode == 3, out
    assert "secret" not in out and "127.0.0.1:1" in out


def test_password_never_appears_in_help(tmp_path):
    env = {"NEO4J_PASSWORD": "Help-Secret-0815", "NEO4J_URI": "bolt://u:Help-Secret-0815@127.0.0.1:1"}
    for args in (
        ["--help"],
        ["ingest", "--help"],
        ["load", "--help"],
        ["stats", "--help"],
        ["query", "--help"],
        ["extract", "--help"],
    ):
        result = _kg(*args, **env)
        assert "Help-Secret-0815" not in result.stdout + result.stderr, args


def test_group_readable_config_with_a_password_is_refused_through_the_cli(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[neo4j]\nuri = "bolt://127.0.0.1:1"\npassword = "File-Secret-1234"\n')
    cfg.chmod(0o644)
    result = _kg("stats", "--neo4j", KG_CONFIG=str(cfg), NEO4J_URI=None, NEO4J_PASSWORD=None)
    out = result.stdout + result.stderr
    assert result.returncode == 3 and str(cfg) in out and "chmod 600" in out
    assert "File-Secret-1234" not in out


@pytest.mark.parametrize("scheme", ["neo4j+s", "bolt+s", "neo4j+ssc", "bolt+ssc"])
def test_tls_schemes_reach_the_driver_unchanged(scheme):
    settings = Neo4jSettings(f"{scheme}://127.0.0.1:1", "neo4j", "Tls-Secret-99")
    with pytest.raises(StoreError) as info:
        connect_neo4j(settings)  # nothing listens there: the driver fails, naming the URI as given
    assert f"{scheme}://127.0.0.1:1" in str(info.value) and "Tls-Secret-99" not in str(info.value)


@pytest.mark.parametrize("uri", ["http://admin:Uri-Secret-77@127.0.0.1:7474", "127.0.0.1:7687", "bolt://h:port"])
def test_unusable_neo4j_uri_is_a_configuration_error_through_the_cli(tmp_path, uri):
    result = _kg("stats", "--neo4j", NEO4J_URI=uri, KG_CONFIG=str(tmp_path / "none"))
    out = result.stdout + result.stderr
    assert result.returncode == 3 and "NEO4J_URI" in out and "Traceback" not in out
    assert "Uri-Secret-77" not in out


def test_no_command_takes_credentials_on_the_command_line():
    """argv is visible to every user of the machine (ps, /proc): credentials come from env or the config file."""
    import importlib

    from kg.cli import COMMANDS

    for name, (module, _) in COMMANDS.items():
        command = importlib.import_module(module).command
        for param in command.params:
            words = " ".join([param.name or "", *getattr(param, "opts", [])]).lower()
            assert not any(w in words for w in ("password", "passwd", "secret", "token", "auth")), (name, words)
