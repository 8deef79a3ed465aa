"""Find an actor by what a user types: a key, a name, an alias, a surname or a near spelling.

``kg analyze ego Peskow`` and ``kg analyze ego Peskov`` both mean Dmitry Peskov. One helper,
:func:`lookup_actor`, serves ``kg analyze ego`` (on the networkx graph) and ``kg query -p actor=...``
(on the entities of Neo4j), in this order:

1. the key itself (``person:dmitry-peskov``; case-insensitive), or ``country:<CODE>`` for a
   three-letter code (``RUS``);
2. a name, then an alias, equal to the query (case, accents and spacing ignored:
   ``selenskij`` = ``Selenskij``);
3. a surname: the last word of a name or alias of several words (``Peskov``), then any other word
   of one (``Kim`` finds Kim Jong Un and Kim Yo Jong, and lists both);
4. a near spelling (``rapidfuzz``'s ratio, at least :data:`CUTOFF` of 100) of a name, alias or surname
   (``Peskow``, ``Dmitri Peskow``).

A step that finds one actor decides. A step that finds several gives no answer but the list of
them with their keys, and so does a near spelling whose best actor does not lead the next one by
:data:`MARGIN`; nothing found gives the nearest names as suggestions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx

#: Lowest rapidfuzz ratio (0-100) of a near spelling: "Peskow"/"Peskov" scores 83, "Putin"/"Peskov" 18.
CUTOFF = 80.0
#: A near spelling decides only when its actor leads the next one by this much.
MARGIN = 5.0
#: Lowest ratio of a suggestion offered when nothing matched.
SUGGEST_CUTOFF = 60.0


@dataclass(frozen=True)
class Actor:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None


@dataclass(frozen=True)
class Candidate:
    key: str
    name: str
    score: float  # 100 for exact, surname and key matches
    spelling: str  # the name or alias that matched

    def __str__(self) -> str:
        return f"{self.name} ({self.key})"


@dataclass(frozen=True)
class Lookup:
    """What a query found: ``key`` when one actor matches, else ``candidates`` to choose from."""

    query: str
    key: str | None
    how: str  # key, code, name, alias, surname, spelling; "ambiguous" or "none" without a key
    candidates: tuple[Candidate, ...] = field(default=())

    @property
    def exact(self) -> bool:
        """Whether the query is the key, code, a name or an alias as stored (no guessing involved)."""
        return self.key is not None and self.how in ("key", "code", "name", "alias")

    @property
    def name(self) -> str | None:
        return next((c.name for c in self.candidates if c.key == self.key), None)

    def message(self) -> str:
        """A one-line answer for a user: the choice, the candidates with keys, or suggestions."""
        if self.key is not None:
            return f"{self.query!r} is {self.name} ({self.key}), by {self.how}"
        listed = ", ".join(str(c) for c in self.candidates)
        if self.how == "ambiguous":
            return f"{self.query!r} may be any of {len(self.candidates)} actors; give one of their keys: {listed}"
        hint = f"; did you mean {listed}?" if self.candidates else ""
        return f"no actor with key, name or alias {self.query!r}{hint}"


def fold(text: str) -> str:
    """Lower case, accents removed, spacing normalised: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[-‐‑–—_.]", " ", plain.casefold()).split())


def _spellings(actor: Actor) -> list[str]:
    return list(dict.fromkeys(s for s in (actor.name, *actor.aliases) if s))


def _surname(spelling: str) -> str | None:
    words = fold(spelling).split()
    return words[-1] if len(words) >= 2 else None


def _unique(query: str, how: str, found: Sequence[tuple[Actor, str]]) -> Lookup | None:
    """A decision when ``found`` holds one actor, the ambiguity when several, None when empty."""
    by_key: dict[str, Candidate] = {}
    for actor, spelling in found:
        by_key.setdefault(actor.key, Candidate(actor.key, actor.name, 100.0, spelling))
    if not by_key:
        return None
    cands = tuple(sorted(by_key.values(), key=lambda c: c.key))
    if len(cands) == 1:
        return Lookup(query, cands[0].key, how, cands)
    return Lookup(query, None, "ambiguous", cands)


def lookup_actor(actors: Iterable[Actor], query: str, *, limit: int = 8) -> Lookup:
    """Resolve ``query`` against ``actors`` (see the module's docstring for the order of the steps)."""
    from rapidfuzz import fuzz

    pool = list(actors)
    q = fold(query)
    if not q:
        return Lookup(query, None, "none")
    by_key = {a.key.casefold(): a for a in pool}
    if query.strip().casefold() in by_key:
        a = by_key[query.strip().casefold()]
        return Lookup(query, a.key, "key", (Candidate(a.key, a.name, 100.0, a.key),))
    if re.fullmatch(r"[A-Za-z]{3}", query.strip()) and f"country:{query.strip().upper()}".casefold() in by_key:
        a = by_key[f"country:{query.strip().upper()}".casefold()]
        return Lookup(query, a.key, "code", (Candidate(a.key, a.name, 100.0, a.key),))
    for how, pick in (
        ("name", lambda a: [a.name] if a.name and fold(a.name) == q else []),
        ("alias", lambda a: [s for s in a.aliases if fold(s) == q]),
        ("surname", lambda a: [s for s in _spellings(a) if _surname(s) == q]),
        ("word", lambda a: [s for s in _spellings(a) if " " not in q and q in fold(s).split()[:-1]]),
    ):
        found = [(a, s) for a in pool for s in pick(a)]
        decided = _unique(query, how, found)
        if decided is not None:
            return decided
    best: dict[str, Candidate] = {}
    for a in pool:
        for s in _spellings(a):
            forms = [fold(s)]
            if (surname := _surname(s)) is not None:
                forms.append(surname)
            score = max(fuzz.ratio(q, f) for f in forms)
            if score > (best[a.key].score if a.key in best else -1.0):
                best[a.key] = Candidate(a.key, a.name, round(score, 1), s)
    ranked = sorted(best.values(), key=lambda c: (-c.score, c.key))
    close = [c for c in ranked if c.score >= CUTOFF]
    if close and (len(close) == 1 or close[0].score - close[1].score >= MARGIN):
        return Lookup(query, close[0].key, "spelling", (close[0],))
    if close:
        return Lookup(query, None, "ambiguous", tuple(close[:limit]))
    return Lookup(query, None, "none", tuple(c for c in ranked[:3] if c.score >= SUGGEST_CUTOFF))


def graph_actors(G: nx.MultiDiGraph) -> list[Actor]:
    """The entities of a graph in :mod:`kg.graph.build`'s layout, sorted by key."""
    return [
        Actor(node, data.get("name") or node, tuple(data.get("aliases") or ()), data.get("type"))
        for node, data in sorted(G.nodes(data=True))
        if data.get("kind") == "Entity"
    ]


class ActorNotFound(KeyError):
    """No single actor matches; :attr:`lookup` holds the candidates or suggestions."""

    def __init__(self, lookup: Lookup) -> None:
        super().__init__(lookup.query)
        self.lookup = lookup

    def __str__(self) -> str:
        return self.lookup.message()
