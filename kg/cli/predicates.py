"""``kg predicates``: the event ontology as an analyst reads it.

One row per predicate: its kind, CAMEO code and root name, PLOVER type, quad class, Goldstein value,
how many words each language's lexicon has for it, and what it means. Read from kg/predicates.toml,
kg/cameo.toml and kg/lang/<xx>/lexicon.toml, so what is printed is what extraction uses.
"""

from __future__ import annotations

import csv
import json
import sys

import click

from kg.cli.common import EXIT_OK


@click.command(name="predicates")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
    help="Output format.",
)  # fmt: skip
@click.option("--kind", type=click.Choice(["speech", "event", "structural"]), help="Only predicates of this kind.")
def command(fmt: str, kind: str | None) -> None:
    """List the predicates with their CAMEO code, PLOVER type, quad class and Goldstein value."""
    from kg.predicates import PREDICATES, QUAD_CLASSES, languages

    langs = languages()
    rows = []
    for name, p in PREDICATES.items():
        if kind and p.kind != kind:
            continue
        words = {lang: len(p.lemmas.get(lang, ())) + len(p.light.get(lang, ())) for lang in langs}
        rows.append(
            {
                "predicate": name,
                "kind": p.kind,
                "cameo": p.cameo,
                "plover": p.plover,
                "quad": p.quad,
                "quad_class": QUAD_CLASSES.get(p.quad or 0),
                "goldstein": p.goldstein,
                **{f"words_{lang}": n for lang, n in words.items()},
                "meaning": p.note,
            }
        )
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["predicate"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="kg's predicates (CAMEO code -> PLOVER type, quad class, Goldstein)", title_justify="left")
        columns = ["predicate", "kind", "cameo", "plover", "quad", "goldstein", *(f"words_{lang}" for lang in langs)]
        for c in [*columns, "meaning"]:
            table.add_column(c, justify="right" if c in ("quad", "goldstein") or c.startswith("words") else "left")
        for r in rows:
            table.add_row(*("" if r[c] is None else str(r[c]) for c in [*columns, "meaning"]))
        Console(width=None if sys.stdout.isatty() else 160).print(table)
    sys.exit(EXIT_OK)
