"""A triple, ``subject -PREDICATE-> object``, and the sentence it was read from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from kg.model.checks import ModelError, check_predicate
from kg.model.fields import opt_float, opt_int, opt_str, req_str
from kg.model.keys import stable_hash
from kg.model.nodes import Argument, Entity, argument_from_dict, argument_to_dict

Polarity = Literal["positive", "negative"]


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
                article_id=req_str(record, "article_id"),
                sentence=int(record["sentence"]),
                start=int(record["start"]),
                end=int(record["end"]),
                text=req_str(record, "evidence"),
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
            predicate=req_str(record, "predicate"),
            object=argument_from_dict(record.get("object") or {}),
            provenance=Provenance.from_dict(record),
            verb=opt_str(record, "verb") or "",
            polarity=opt_str(record, "polarity") or "positive",  # type: ignore[arg-type]
            hedged=hedged,
            cameo=opt_str(record, "cameo"),
            plover=opt_str(record, "plover"),
            confidence=confidence,
            reported_by=opt_str(record, "reported_by"),
            quad=opt_int(record, "quad"),
            goldstein=opt_float(record, "goldstein"),
            addressee=opt_str(record, "addressee"),
            modality=opt_str(record, "modality"),
        )
