"""``kg query``: run a named query of the cypher/ library against Neo4j, or list the menu."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import click

from kg.cli.common import (
    DATE_METAVAR,
    EXIT_BAD_INPUT,
    EXIT_ENVIRONMENT,
    EXIT_USAGE,
    OUTPUT_FORMATS,
    clean_cell,
    fail,
)

#: Widest cell of the table format; longer text is cut with an ellipsis (json/csv give it whole).
MAX_CELL = 70


@click.command(name="query")
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter; repeatable.")
@click.option(
    "--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
    help="table for reading, json (an array of objects) or csv for other tools.",
)  # fmt: skip
@click.option(
    "--since", metavar=DATE_METAVAR, default=None,
    help="Short for -p since=DATE, in the queries that take it (earliest publication date).",
)  # fmt: skip
@click.option(
    "--until", metavar=DATE_METAVAR, default=None,
    help="Short for -p until=DATE, in the queries that take it (latest publication date).",
)  # fmt: skip
@click.option("--list", "list_only", is_flag=True, help="List the queries with their parameters and examples.")
@click.option("--cypher", "show_cypher", is_flag=True, help="Print the query's Cypher instead of running it.")
def command(
    name: str | None,
    params: Sequence[str],
    fmt: str,
    since: str | None,
    until: str | None,
    list_only: bool,
    show_cypher: bool,
) -> None:
    """Run the named query NAME from the cypher/ library against Neo4j.

    \b
    Examples:
      kg query --list
      kg query who_said_what -p actor="North Korea"
      kg query timeline -p actor=Russia --since 2024-10-01 --format csv > russia.csv

    Values are typed from the query's header: int, float, bool (true/false),
    date (2024-10-01), list (a,b,c) and string; `null` means "no filter".
    Neo4j settings come from NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD or the config file.
    """
    from kg.queries import ParameterError, QueryError, get_query, list_queries

    try:
        if list_only or not name:
            if not list_only:
                click.echo("kg: error: give a query NAME; the available queries are:\n", err=True)
            _print_menu(list_queries(on_error=lambda m: click.echo(f"kg: warning: {m}", err=True)), err=not list_only)
            if not list_only:
                sys.exit(EXIT_USAGE)
            return
        query = get_query(name)
        if show_cypher:
            click.echo(query.cypher)
            return
        values = _parse_params(params)
        for flag, value in (("since", since), ("until", until)):
            if value is None:
                continue
            if query.parameter(flag) is None:
                raise ParameterError(f"query {name!r} has no {flag} parameter, so --{flag} does not apply to it")
            if flag in values and values[flag] != value:
                raise ParameterError(f"--{flag} {value} and -p {flag}={values[flag]} disagree; give one")
            values[flag] = value
        query.bind(values)  # report parameter errors before connecting
    except QueryError as exc:
        fail(str(exc), EXIT_USAGE)
        return
    keys, rows = _run(name, values)
    if not rows:  # a misspelt actor finds nothing: say who was meant, or who might be
        resolved = _resolve_actors(query, values)
        if resolved is not None:
            keys, rows = _run(name, resolved)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=_json_default))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: clean_cell(_cell(row[k])) for k in keys} for row in rows)
    else:
        _print_table(keys, rows)
        click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def _parse_params(params: Sequence[str]) -> dict[str, str]:
    from kg.queries import ParameterError

    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"parameter {item!r} is not KEY=VALUE")
        values[key.strip()] = value
    return values


#: What the header of a parameter that names an actor says of it (cypher/*.cypher).
ACTOR_PARAMETER = "key, name or alias"


def _resolve_actors(query: Any, values: dict[str, str]) -> dict[str, str] | None:
    """After a query found nothing: its actor parameters matched forgivingly (kg.graph.lookup).

    An actor given as its key, name or alias stays (then nothing is what there is); a surname or a
    near spelling of one actor becomes that actor's key, with a note; no or several fitting actors
    end the run (exit 1) listing the candidates or suggestions with their keys. Returns the values to
    run again with, or None when nothing changed.
    """
    from kg.cli.stores import note
    from kg.graph.lookup import lookup_actor
    from kg.load.neo4j_projection import neo4j_actors

    named = [p.name for p in query.parameters if ACTOR_PARAMETER in p.doc and values.get(p.name, "null") != "null"]
    if not named:
        return None
    actors = _with_driver(lambda driver, database: neo4j_actors(driver, database))
    changed = dict(values)
    for param in named:
        found = lookup_actor(actors, values[param])
        if found.exact:
            continue
        if found.key is None:
            fail(f"{param}: {found.message()}", EXIT_BAD_INPUT)
        note(f"{param}: {found.message()}")
        changed[param] = found.key
    return changed if changed != values else None


def _with_driver(work: Any, what: str = "the actor lookup") -> Any:
    """``work(driver, database)`` on a fresh connection; environment problems exit 3 with a message
    that holds no credentials (``what`` names the work in Neo4j's refusal)."""
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

    from kg.cli.stores import note
    from kg.config import ConfigError, neo4j_settings, redact_uri
    from kg.load import StoreError, connect_neo4j

    try:
        settings = neo4j_settings()
        driver = connect_neo4j(settings, note)
    except (ConfigError, StoreError) as exc:
        if str(exc).startswith(UNREACHABLE):
            unreachable(str(exc))
        fail(str(exc), EXIT_ENVIRONMENT)
    try:
        return work(driver, settings.database)
    except (ServiceUnavailable, OSError) as exc:
        unreachable(f"{UNREACHABLE} {redact_uri(settings.uri)}: {exc}")
    except AuthError as exc:
        fail(f"cannot reach Neo4j at {redact_uri(settings.uri)}: {exc}", EXIT_ENVIRONMENT)
    except Neo4jError as exc:
        fail(f"Neo4j rejected {what}: {exc.message}", EXIT_ENVIRONMENT)
    finally:
        driver.close()
    raise AssertionError("unreachable")


def _run(name: str, values: dict[str, str]) -> tuple[list[str], list[dict[str, Any]]]:
    """Run the named query with its values on a fresh connection."""
    from kg.queries import execute

    return _with_driver(lambda driver, database: execute(name, values, driver, database), f"query {name!r}")


#: How kg.load.connect_neo4j's message for a server that does not answer begins.
UNREACHABLE = "cannot reach Neo4j at"


def unreachable(message: str) -> None:
    """No server: say so (exit 3), then what to do instead: the analyses of the embedded store, or start Neo4j.

    ``kg query`` runs Cypher, so it needs Neo4j; quickstart builds the embedded store only (issue 14 item 7).
    """
    from kg.config import env_secrets, scrub, store_dir
    from kg.load.local_store import DB_FILE

    click.echo(f"kg: error: {scrub(message, *env_secrets())}", err=True)
    store = store_dir()
    where = f"the embedded store in {store}" if (store / DB_FILE).exists() else "the embedded store (--store DIR)"
    for line in (
        f"kg query runs on Neo4j only; on {where} these answer without a server:",
        "  kg analyze actors [--predicate DENIES] [--since YYYY-MM-DD]   who says or does what to whom",
        "  kg analyze ego ACTOR                                          the network around one actor",
        "  kg analyze centrality | communities                           who is central; which actors group",
        "  kg export --format events --out events.csv                    every statement, dated, as a CSV row",
        "to ask the named queries, bring up Neo4j with the same data:",
        "  scripts/neo4j start",
        "  kg ingest --neo4j ARTICLES...   (or: kg load FILE.jsonl --neo4j, for the output of kg extract)",
    ):
        click.echo(f"kg: note: {line}", err=True)
    sys.exit(EXIT_ENVIRONMENT)


def _print_menu(queries: Sequence[Any], err: bool = False) -> None:
    """The menu: each query's description, its parameters (type, required or default, meaning) and an example."""
    for i, q in enumerate(queries):
        if i:
            click.echo("", err=err)
        click.echo(f"{q.name}\n    {q.description}", err=err)
        flags = [f"-p {p.name}=<{p.type}>" for p in q.parameters]
        width = max((len(f) for f in flags), default=0)
        for flag, p in zip(flags, q.parameters, strict=True):
            need = "required" if p.required else f"default {p.default}" if p.default else "optional"
            click.echo(f"      {flag.ljust(width)}  {p.doc} [{need}]", err=err)
        click.echo(f"    e.g. {q.example}", err=err)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _cell(value: Any) -> str:
    """One value as text: lists joined with '; ', dates ISO, None empty."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


def _print_table(keys: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
    cells = [[_short(" ".join(_cell(row[k]).split())) for k in keys] for row in rows]
    widths = [max([len(k)] + [len(r[i]) for r in cells]) for i, k in enumerate(keys)]
    click.echo("  ".join(k.ljust(w) for k, w in zip(keys, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for r in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


def _short(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"
