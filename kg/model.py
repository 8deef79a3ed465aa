"""The data model: the only contract between kg's stages.

read articles -> extract -> resolve -> load. Every stage speaks in these frozen
dataclasses, and every stage (and the CLI's JSON Lines output) serialises them
with the ``to_dict``/``from_dict`` pairs defined here, so a file written by
``kg extract`` can be loaded by ``kg load`` on another machine, years later.

Design choices worth knowing:

* Everything is immutable and hashable (tuples, not lists) so results can be
  cached, deduplicated and shipped between processes safely.
* Identifiers are content-derived hashes (:func:`stable_hash`), never random,
  so re-running any stage yields the same ids and loading stays idempotent.
* Entity types and predicates are validated against whitelists here, because
  the loader turns them into Neo4j labels and relationship types; text that
  did not pass these checks can never become Cypher.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

#: Version of the JSON Lines records of `kg extract` (the "schema" field of an article record); the embedded
#: store's own database schema is `kg.load.local_store.STORE_SCHEMA_VERSION`.
RECORD_SCHEMA_VERSION = 1

#: Entity types that may become Neo4j labels (``(:Entity:<Type>)``).
ENTITY_TYPES: frozenset[str] = frozenset({"Person", "Organization", "Country", "Location", "Group", "Event", "Misc"})

#: Predicates that are not verbs of the vocabulary but structural facts (a triple may carry them).
STRUCTURAL_PREDICATES: frozenset[str] = frozenset({"AFFILIATED_WITH"})

#: Relationship types of the graph model itself (article MENTIONS entity, concept INVOLVES entity):
#: never a triple's predicate, never written from one.
GRAPH_RELATIONSHIPS: frozenset[str] = frozenset({"MENTIONS", "INVOLVES"})

_PREDICATE_RE = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")

Polarity = Literal["positive", "negative"]


class ModelError(ValueError):
    """A record does not satisfy the data model (wrong type, missing field, bad value)."""


#: Longest id, key, entity name, alias or role kg stores. Neo4j refuses an index entry over about 8 KB
#: ("Property value is too large to index") and rolls back the whole transaction; 1,000 characters are at
#: most 4,000 bytes of UTF-8, half that limit, and far beyond any real name.
MAX_KEY_CHARS = 1_000
#: Longest article title, source or URL kg stores (not indexed, but shown everywhere; text is capped too).
MAX_FIELD_CHARS = 4_000


def check_length(what: str, value: str | None, limit: int = MAX_KEY_CHARS) -> None:
    """Raise :class:`ModelError` naming ``what`` (and the start of ``value``) when ``value`` is over ``limit``."""
    if value is not None and len(value) > limit:
        raise ModelError(f"{what} {value[:40]!r}... has {len(value):,} characters, more than kg stores ({limit:,})")


def check_bounds(extraction: Extraction) -> None:
    """Raise :class:`ModelError` if any id, key, name or alias of ``extraction`` is over its limit.

    The loaders call this for every article before writing, so one absurd value skips its article
    (reported) instead of failing a batch of valid ones in Neo4j, and both stores hold the same.
    """
    art = extraction.article
    check_length("article id", art.id)
    for what, value in (("title", art.title), ("source", art.source), ("url", art.url)):
        check_length(what, value, MAX_FIELD_CHARS)
    entities = list(extraction.entities)
    for triple in extraction.triples:
        entities.append(triple.subject)
        check_length("triple reported_by key", triple.reported_by)
        check_length("triple article id", triple.provenance.article_id)
        if isinstance(triple.object, Entity):
            entities.append(triple.object)
        else:
            check_length("concept key", triple.object.key)
    for ent in entities:
        check_length("entity key", ent.key)
        check_length("entity name", ent.name)
        check_length("entity role", ent.role)
        for alias in ent.aliases:
            check_length("entity alias", alias)


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short, deterministic hex digest of ``parts``.

    Used for article ids, concept keys and triple ids. The separator byte
    cannot occur in text we hash (we strip NULs on input), so ("ab", "c") and
    ("a", "bc") never collide by construction.
    """
    # One update of "p1\x1fp2\x1f...": the same bytes (and digest) as one update per part, at a third of the cost.
    data = "".join(f"{part}\x1f" for part in parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=max(4, length // 2)).hexdigest()[:length]


def content_hash(text: str) -> str:
    """Hash of an article's text, used to skip unchanged articles on re-ingest."""
    return stable_hash(text, length=32)


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated form of ``text`` for canonical keys.

    "Wladimir Selenskij" -> "wladimir-selenskij"; "Ärzte ohne Grenzen" ->
    "aerzte-ohne-grenzen" (German umlauts transliterated, not dropped, so
    keys stay readable and distinct).
    """
    text = text.translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def _transliteration() -> dict[str, str]:
    """The letters keys spell out, from ``kg/lang/transliteration.toml`` (data, read as a file: the model
    is the bottom layer and imports nothing of kg)."""
    path = Path(__file__).resolve().parent / "lang" / "transliteration.toml"
    with path.open("rb") as f:
        return dict(tomllib.load(f)["letters"])


_UMLAUTS = str.maketrans(_transliteration())


def check_entity_type(value: str) -> str:
    if value not in ENTITY_TYPES:
        raise ModelError(f"entity type {value!r} is not one of {sorted(ENTITY_TYPES)}")
    return value


def check_predicate(value: str) -> str:
    """Reject anything that could not safely be a Neo4j relationship type.

    The vocabulary itself (``kg.predicates``) is the narrower whitelist the
    loader enforces; this check guards the shape so that no record with a
    predicate like ``"X]->() DETACH DELETE n //"`` can even be constructed.
    """
    if not isinstance(value, str) or not _PREDICATE_RE.match(value):
        raise ModelError(f"predicate {value!r} is not an upper-case identifier")
    return value


def parse_date(value: Any) -> date | None:
    """A date from a date/datetime or an ISO string (a time part is dropped); None for none; ModelError else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError as exc:
            raise ModelError(f"published {value!r} is not an ISO date (YYYY-MM-DD)") from exc
    raise ModelError(f"published must be an ISO date string, got {type(value).__name__}")


def _opt_str(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ModelError(f"field {name!r} must be a string, got {type(value).__name__}")
    return value


def _opt_number(record: Mapping[str, Any], name: str, kinds: tuple[type, ...], what: str) -> Any:
    """An optional numeric field of one of ``kinds`` (``true`` is no number here, though Python says so)."""
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise ModelError(f"field {name!r} must be {what}")
    return value


def _opt_int(record: Mapping[str, Any], name: str) -> int | None:
    return _opt_number(record, name, (int,), "an integer")


def _opt_float(record: Mapping[str, Any], name: str) -> float | None:
    value = _opt_number(record, name, (int, float), "a number")
    return float(value) if value is not None else None


def _req_str(record: Mapping[str, Any], name: str) -> str:
    value = _opt_str(record, name)
    if value is None:
        raise ModelError(f"missing required field {name!r}")
    return value


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read from disk or JSON Lines.

    ``id`` is given by the source or, when absent, derived from the text so
    that the same text always gets the same id.
    """

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    lang: str | None = None
    #: the dateline's place ("KYIV, March 3 (Reuters) -" -> "KYIV"): where the article was filed
    place: str | None = None
    #: the agency of a dateline or byline ("Reuters", "dpa"): who filed it
    agency: str | None = None

    @classmethod
    def create(
        cls,
        text: str,
        *,
        id: str | None = None,
        url: str | None = None,
        title: str | None = None,
        source: str | None = None,
        published: date | str | None = None,
        lang: str | None = None,
        place: str | None = None,
        agency: str | None = None,
    ) -> Article:
        """Build an article, deriving the id from the content when none is given."""
        if not isinstance(text, str):
            raise ModelError(f"text must be a string, got {type(text).__name__}")
        check_length("article id", id)
        for what, value in (("title", title), ("source", source), ("url", url)):
            check_length(what, value, MAX_FIELD_CHARS)
        return cls(
            id=id or stable_hash(title or "", text),
            text=text,
            url=url,
            title=title,
            source=source,
            published=parse_date(published),
            lang=lang.lower() if lang else None,
            place=place,
            agency=agency,
        )

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "lang": self.lang,
            "place": self.place,
            "agency": self.agency,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Article:
        if not isinstance(record, Mapping):
            raise ModelError(f"an article must be a JSON object, got {type(record).__name__}")
        ident = record.get("id")
        if ident is not None and not isinstance(ident, (str, int)):
            raise ModelError(f"field 'id' must be a string, got {type(ident).__name__}")
        return cls.create(
            _req_str(record, "text"),
            id=str(ident) if ident is not None else None,
            url=_opt_str(record, "url"),
            title=_opt_str(record, "title"),
            source=_opt_str(record, "source"),
            published=record.get("published"),
            lang=_opt_str(record, "lang"),
            place=_opt_str(record, "place"),
            agency=_opt_str(record, "agency"),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical actor: one per ``key`` across all articles and languages."""

    key: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    role: str | None = None
    #: for groups and organisations: the actor's sector (GOV, MIL, POL, JUD, LEG, REB, OPP, INS, MED, BUS,
    #: CVL, REL, NGO, IGO, ...), as event datasets code actors; see kg/gazetteer/sectors.toml
    sector: str | None = None

    def __post_init__(self) -> None:
        check_entity_type(self.type)
        if self.sector is not None and not re.fullmatch(r"[A-Z]{3}", self.sector):
            raise ModelError(f"sector {self.sector!r} is not a three-letter sector code")
        if not self.key:
            raise ModelError("entity key must not be empty")
        if self.country is not None and not re.fullmatch(r"[A-Z]{3}", self.country):
            raise ModelError(f"country {self.country!r} is not an ISO 3166 alpha-3 code")

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "country": self.country,
            "role": self.role,
            "sector": self.sector,
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Entity:
        aliases = record.get("aliases") or ()
        if not isinstance(aliases, (list, tuple)) or not all(isinstance(a, str) for a in aliases):
            raise ModelError("field 'aliases' must be a list of strings")
        return cls(
            key=_req_str(record, "key"),
            name=_req_str(record, "name"),
            type=_req_str(record, "type"),
            aliases=tuple(aliases),
            country=_opt_str(record, "country"),
            role=_opt_str(record, "role"),
            sector=_opt_str(record, "sector"),
        )


@dataclass(frozen=True, slots=True)
class Concept:
    """A non-entity argument, such as the content of a statement.

    ``mentions`` holds the keys of the entities named inside the concept's
    text, which the loader turns into ``(:Concept)-[:INVOLVES]->(:Entity)``.
    """

    key: str
    text: str
    lang: str | None = None
    mentions: tuple[str, ...] = ()

    @classmethod
    def create(cls, text: str, lang: str | None, mentions: Iterable[str] = ()) -> Concept:
        normalised = " ".join(text.split()).casefold()
        return cls(
            key="concept:" + stable_hash(lang or "", normalised),
            text=" ".join(text.split()),
            lang=lang,
            mentions=tuple(dict.fromkeys(mentions)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "lang": self.lang, "mentions": list(self.mentions)}

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Concept:
        mentions = record.get("mentions") or ()
        if not isinstance(mentions, (list, tuple)) or not all(isinstance(m, str) for m in mentions):
            raise ModelError("field 'mentions' must be a list of strings")
        return cls(
            key=_req_str(record, "key"),
            text=_req_str(record, "text"),
            lang=_opt_str(record, "lang"),
            mentions=tuple(mentions),
        )


Argument = Entity | Concept


def argument_to_dict(arg: Argument) -> dict[str, Any]:
    """Serialise a triple argument with a ``node`` tag saying which kind it is."""
    if isinstance(arg, Entity):
        return {"node": "entity", **arg.to_dict()}
    return {"node": "concept", **arg.to_dict()}


def argument_from_dict(record: Mapping[str, Any]) -> Argument:
    if not isinstance(record, Mapping):
        raise ModelError("a triple argument must be a JSON object")
    kind = record.get("node", "entity" if "type" in record else "concept")
    if kind == "entity":
        return Entity.from_dict(record)
    if kind == "concept":
        return Concept.from_dict(record)
    raise ModelError(f"argument node kind {kind!r} is neither 'entity' nor 'concept'")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a triple was read: the sentence that is its evidence."""

    article_id: str
    sentence: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "evidence": self.text,
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Provenance:
        try:
            return cls(
                article_id=_req_str(record, "article_id"),
                sentence=int(record["sentence"]),
                start=int(record["start"]),
                end=int(record["end"]),
                text=_req_str(record, "evidence"),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"bad provenance: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Triple:
    """``subject -PREDICATE-> object`` with its attributes and evidence.

    ``reported_by`` is the key of the speaker when this triple is the content
    of someone's statement ("Russia says North Korea sends no troops" gives
    the inner triple North Korea -DEPLOYS-> Russia, negative, reported_by
    country:RUS), so a query can tell facts asserted by the article from
    claims attributed to an actor.
    """

    subject: Entity
    predicate: str
    object: Argument
    provenance: Provenance
    verb: str = ""
    polarity: Polarity = "positive"
    hedged: bool = False
    cameo: str | None = None
    plover: str | None = None
    confidence: float = 1.0
    reported_by: str | None = None
    #: quad class of the CAMEO code: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict
    quad: int | None = None
    #: Goldstein conflict-cooperation value of the CAMEO code, -10..+10
    goldstein: float | None = None
    #: key of the actor a speech act is addressed to ("told Reuters", "sagte der Agentur Interfax")
    addressee: str | None = None
    #: for an act that is not asserted as real: "intended", "demanded", "threatened", "conditional", ...
    modality: str | None = None

    def __post_init__(self) -> None:
        check_predicate(self.predicate)
        if self.polarity not in ("positive", "negative"):
            raise ModelError(f"polarity {self.polarity!r} is neither 'positive' nor 'negative'")
        if not 0.0 <= self.confidence <= 1.0:
            raise ModelError(f"confidence {self.confidence} is outside [0, 1]")

    @property
    def id(self) -> str:
        """Stable id of this triple occurrence: same evidence, same id."""
        p = self.provenance
        return stable_hash(p.article_id, p.sentence, self.subject.key, self.predicate, self.object.key, length=24)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": argument_to_dict(self.subject),
            "predicate": self.predicate,
            "object": argument_to_dict(self.object),
            "verb": self.verb,
            "polarity": self.polarity,
            "hedged": self.hedged,
            "cameo": self.cameo,
            "plover": self.plover,
            "confidence": self.confidence,
            "reported_by": self.reported_by,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "addressee": self.addressee,
            "modality": self.modality,
            **self.provenance.to_dict(),
        }

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Triple:
        subject = argument_from_dict(record.get("subject") or {})
        if not isinstance(subject, Entity):
            raise ModelError("a triple's subject must be an entity")
        hedged = record.get("hedged", False)
        if not isinstance(hedged, bool):
            raise ModelError("field 'hedged' must be true or false")
        try:
            confidence = float(record.get("confidence", 1.0))
        except (TypeError, ValueError) as exc:
            raise ModelError("field 'confidence' must be a number") from exc
        return cls(
            subject=subject,
            predicate=_req_str(record, "predicate"),
            object=argument_from_dict(record.get("object") or {}),
            provenance=Provenance.from_dict(record),
            verb=_opt_str(record, "verb") or "",
            polarity=_opt_str(record, "polarity") or "positive",  # type: ignore[arg-type]
            hedged=hedged,
            cameo=_opt_str(record, "cameo"),
            plover=_opt_str(record, "plover"),
            confidence=confidence,
            reported_by=_opt_str(record, "reported_by"),
            quad=_opt_int(record, "quad"),
            goldstein=_opt_float(record, "goldstein"),
            addressee=_opt_str(record, "addressee"),
            modality=_opt_str(record, "modality"),
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article: the unit every stage passes on.

    ``entities`` are the article's resolved entities (aliases = surface forms
    seen in this article); ``mentions`` counts how often each entity key is
    mentioned, for ``(:Article)-[:MENTIONS {count}]->(:Entity)``.
    """

    article: Article
    entities: tuple[Entity, ...] = ()
    triples: tuple[Triple, ...] = ()
    mentions: tuple[tuple[str, int], ...] = field(default=())

    @property
    def mention_counts(self) -> dict[str, int]:
        return dict(self.mentions)

    def to_records(self) -> Iterable[dict[str, Any]]:
        """The JSON Lines records of this extraction, in a stable order.

        One ``article`` record, then one ``entity`` record per entity (with its
        article id and mention count), then one ``triple`` record per triple.
        ``kg load`` reads exactly this stream back with :func:`read_records`.
        """
        counts = self.mention_counts
        yield {
            "kind": "article",
            "schema": RECORD_SCHEMA_VERSION,
            "content_hash": self.article.content_hash,
            **self.article.to_dict(),
        }
        for ent in self.entities:
            yield {"kind": "entity", "article_id": self.article.id, "count": counts.get(ent.key, 1), **ent.to_dict()}
        for triple in self.triples:
            yield {"kind": "triple", **triple.to_dict()}


def extractions_from_records(records: Iterable[Mapping[str, Any]]) -> Iterable[Extraction]:
    """Regroup a stream of JSON Lines records (as written by ``to_records``) into extractions.

    Records of one article must be contiguous, as ``kg extract`` writes them.
    Raises :class:`ModelError` naming the offending record on bad input.
    """
    article: Article | None = None
    entities: list[Entity] = []
    triples: list[Triple] = []
    counts: dict[str, int] = {}

    def flush() -> Extraction | None:
        if article is None:
            return None
        return Extraction(article, tuple(entities), tuple(triples), tuple(counts.items()))

    for record in records:
        kind = record.get("kind")
        if kind == "article":
            done = flush()
            if done is not None:
                yield done
            article = Article.from_dict(record)
            entities, triples, counts = [], [], {}
        elif kind == "entity":
            if article is None or record.get("article_id") != article.id:
                raise ModelError("entity record does not follow its article record")
            ent = Entity.from_dict(record)
            entities.append(ent)
            counts[ent.key] = int(record.get("count", 1))
        elif kind == "triple":
            if article is None or record.get("article_id") != article.id:
                raise ModelError("triple record does not follow its article record")
            triples.append(Triple.from_dict(record))
        else:
            raise ModelError(f"unknown record kind {kind!r}")
    done = flush()
    if done is not None:
        yield done
