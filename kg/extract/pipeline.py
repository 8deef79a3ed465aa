"""The extraction pipeline: articles in, one :class:`~kg.model.Extraction` per article out, streaming.

Per article: choose the language (the article's ``lang`` wins, else lingua
detects it), parse with that language's spaCy pipeline, resolve entities
(:func:`kg.extract.resolve.analyze_entities`), read relations
(:mod:`kg.extract.relations`). Articles are regrouped by language within a
bounded window so each ``nlp.pipe`` gets real batches even from a mixed feed,
and output order always equals input order. Nothing holds the whole corpus
in memory.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.config import triage_enabled
from kg.extract import parallel
from kg.extract.actor_repair import split_adjacent_actors
from kg.extract.auxiliary_repair import lift_auxiliary_arguments
from kg.extract.coordination_repair import (
    attach_infinitives_to_last_conjunct,
    conjuncts_parsed_as_complements,
    objects_of_perfect_conjuncts,
    raise_conjuncts_out_of_reports,
    raise_participle_acts_out_of_reports,
    raise_past_conjuncts_out_of_infinitives,
    raise_speech_acts_out_of_reports,
    raise_verb_conjuncts_of_nouns,
    raise_verbs_hung_before_coordinators,
    raise_verbs_hung_on_infinitives,
)
from kg.extract.cues import LanguageCues, particle_participle
from kg.extract.deps import Scheme, scheme_of_pipeline
from kg.extract.event_objects import restore_actor_groups
from kg.extract.events import stateless
from kg.extract.furniture import body, in_article, split_dateline, with_furniture
from kg.extract.mentions import MentionIndex
from kg.extract.parallel import OnSkip
from kg.extract.parse_repair import (
    join_verb_first_conjuncts,
    nominalize_determined_verbs,
    prepositional_name_parts,
    raise_from_time_nouns,
    raise_fronted_modifiers,
    restore_subjects,
    verbs_of_verbless_roots,
)
from kg.extract.particle_repair import verbs_under_their_particles
from kg.extract.phrase_repair import (
    attach_nominal_conjuncts,
    attach_stray_articles,
    attach_truncated_conjuncts,
    raise_finite_modifiers,
    retag_verbs_of_verbless_sentences,
    split_double_subjects,
    verbs_before_their_particles,
    verbs_hung_as_auxiliaries,
)
from kg.extract.relations import RelationExtractor, affiliation_triples
from kg.extract.report import ON_ERROR, OnError, RunReport
from kg.extract.report_repair import (
    rehang_content_from_channels,
    rehang_fronted_reports,
    split_clauses_at_semicolons,
    subjects_read_as_objects_of_speech,
)
from kg.extract.resolve import analyze_entities
from kg.extract.sentence_bounds import add_sentence_bounds
from kg.extract.triage import TriageCounts, triaged_pipe
from kg.extract.verb_second_repair import (
    clause_openings,
    demote_fronted_adverbs,
    demote_time_subjects,
    subjects_from_bare_possessors,
    subjects_from_counted_people,
)
from kg.lang import UnsupportedLanguageError, available_languages, get_language
from kg.model import Article, Extraction
from kg.spacy_models import ModelNotFoundError, load_pipeline

log = logging.getLogger(__name__)

__all__ = ["Extractor", "RunReport", "parse_text", "with_furniture"]

#: Pipeline components extraction never reads (excluded when loading: less work per doc).
EXCLUDE = ("senter", "textcat", "textcat_multilabel", "entity_linker", "entity_ruler_debug")
#: Languages lingua may answer besides the supported ones, so that foreign text is recognised as
#: foreign (and skipped) instead of being forced into German or English.
OTHER_LANGUAGES = ("fr", "es", "it", "nl", "pt", "pl", "ru", "uk", "tr", "ar", "zh", "sv", "da", "cs")
#: Characters of an article lingua looks at: plenty for a language decision, cheap.
DETECT_CHARS = 1500


@dataclass(frozen=True)
class _Language:
    """What extraction needs for one language, built once."""

    code: str
    nlp: Language
    scheme: Scheme
    relations: RelationExtractor


class Extractor:
    """Streams articles through entity and relation extraction.

    ``workers > 1`` extracts in a pool of worker processes (each with its own
    pipelines; output still in input order, see :mod:`kg.extract.parallel`). ``default_lang`` is
    used for articles without a ``lang`` whose language cannot be detected.

    The error policy: an article whose extraction raises is caught once, here, per article. With
    ``on_error="skip"`` (the default) it is counted in :attr:`report` (``failed``) and handed to
    ``on_skip`` with the reason ``extraction failed: <error>``; with ``on_error="raise"`` the error
    ends the run (from a worker process, when that article's chunk is due). :attr:`report` also
    counts the skipped articles and the languages whose model is missing, in every process layout.

    ``triage`` (default: the ``KG_TRIAGE`` setting, :func:`kg.config.triage_enabled`) parses only the
    sentences that can hold a fact (:mod:`kg.extract.triage`); ``triage=False`` is the full path, every
    sentence through the whole pipeline. :attr:`triage_counts` says how many sentences this process
    saw and parsed.
    """

    def __init__(
        self,
        *,
        workers: int = 1,
        batch_size: int = 64,
        default_lang: str | None = None,
        on_error: OnError = "skip",
        triage: bool | None = None,
    ) -> None:
        if on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")
        self.on_error: OnError = on_error
        self.workers = max(1, int(workers))
        self.batch_size = max(1, int(batch_size))
        #: articles regrouped by language at a time (bounded memory, full batches for mixed feeds)
        self.window = max(self.batch_size, 64)
        self.default_lang = default_lang.lower() if default_lang else None
        self._languages: dict[str, _Language] = {}
        self._detected: dict[str, str | None] = {}
        #: language -> why it cannot be served (no data, no model); filled as articles meet them
        self.unavailable: dict[str, str] = {}
        #: what the runs of this extractor did not extract, and why (workers' outcomes included)
        self.report = RunReport()
        self.triage = triage_enabled() if triage is None else bool(triage)
        #: sentences seen and sent to the full pipeline by triage in this process
        self.triage_counts = TriageCounts()

    @property
    def missing_models(self) -> dict[str, str]:
        """Language -> the resolver's message, for languages kg supports but no model is installed."""
        return self.report.missing_models

    # -- language -------------------------------------------------------------------

    @property
    def _detector(self):
        return _detector()

    def detect_language(self, text: str) -> str | None:
        """ISO 639-1 code of ``text``'s language, or None when lingua cannot tell."""
        found = self._detector.detect_language_of(text[:DETECT_CHARS])
        return found.iso_code_639_1.name.lower() if found is not None else None

    def language_of(self, article: Article) -> str | None:
        if article.lang:
            return article.lang.split("-")[0].split("_")[0].lower()
        # Regrouping asks twice per article; detection is the expensive part, so remember the last window's.
        key = article.text
        if key not in self._detected:
            if len(self._detected) >= 4 * self.window:
                self._detected.clear()
            self._detected[key] = self.detect_language(article.text) or self.default_lang
        return self._detected[key]

    def _language(self, code: str) -> _Language:
        """Pipeline and relation reader for ``code``; raises when kg cannot serve the language."""
        cached = self._languages.get(code)
        if cached is not None:
            return cached
        get_language(code)  # UnsupportedLanguageError when kg has no data for it
        nlp = load_pipeline(code, exclude=EXCLUDE)
        add_sentence_bounds(nlp)
        scheme = scheme_of_pipeline(nlp)
        lang = _Language(code, nlp, scheme, RelationExtractor(code, scheme))
        self._languages[code] = lang
        return lang

    def _available(self, code: str | None) -> str | None:
        """None when ``code`` can be served, else the reason it cannot."""
        if code is None:
            return "language could not be detected (give the article a `lang` or use --lang)"
        if code in self.unavailable:
            return self.unavailable[code]
        try:
            self._language(code)
        except UnsupportedLanguageError as exc:
            self.unavailable[code] = f"unsupported language {code!r}: {exc}"
        except ModelNotFoundError as exc:
            self.missing_models[code] = str(exc)
            self.unavailable[code] = str(exc)
        except (OSError, ValueError) as exc:  # a pipeline directory that spaCy cannot load
            message = f"cannot load the spaCy pipeline for {code!r}: {exc}"
            self.missing_models[code] = message
            self.unavailable[code] = message
        else:
            return None
        return self.unavailable[code]

    # -- extraction -----------------------------------------------------------------

    def extract(self, articles: Iterable[Article], on_skip: OnSkip | None = None) -> Iterator[Extraction]:
        """One Extraction per article, in input order, streaming.

        Articles whose language is unsupported or has no model, and (``on_error="skip"``) articles
        whose extraction failed, go to ``on_skip(article, reason)``, are counted in :attr:`report`
        and are not yielded. A feed that interleaves languages is regrouped per window
        (:mod:`kg.extract.parallel`), so each pipeline still gets real batches; ``workers > 1``
        extracts whole chunks of articles in worker processes.
        """
        if self.workers > 1:
            found = parallel.extract_parallel(
                articles,
                workers=self.workers,
                make_extractor=partial(
                    Extractor,
                    batch_size=self.batch_size,
                    default_lang=self.default_lang,
                    on_error=self.on_error,
                    triage=self.triage,
                ),
                on_skip=on_skip,
                report=self.report,
            )
        else:
            found = parallel.extract_grouped(
                self.extract_runs, self.language_of, articles, on_skip, self.window, report=self.report
            )
        yield from found

    def extract_runs(
        self, articles: Iterable[Article], on_skip: OnSkip | None = None, on_fail: OnSkip | None = None
    ) -> Iterator[Extraction]:
        """Extract in this process, batching each run of consecutive same-language articles.

        The building block of :meth:`extract` (which counts in :attr:`report`): articles not served
        go to ``on_skip``, failed ones (``on_error="skip"``) to ``on_fail``, else to ``on_skip``.
        """

        def served() -> Iterator[tuple[str, Article]]:
            for article in articles:
                code = self.language_of(article)
                reason = self._available(code)
                if reason is None:
                    yield code, article  # type: ignore[misc]
                elif on_skip is not None:
                    on_skip(article, reason)
                else:
                    log.warning("skipping article %s: %s", article.id, reason)

        for code, run in itertools.groupby(served(), key=lambda pair: pair[0]):
            lang = self._languages[code]
            texts = ((parse_text(article), article) for _, article in run)
            for doc, article in self._parse(lang, texts):
                try:
                    extraction = self._finish(lang, article, doc)
                except Exception as exc:  # the one catch of extraction: one bad article must not end a corpus run
                    if self.on_error == "raise":
                        raise
                    message = f"extraction failed: {type(exc).__name__}: {exc}"
                    log.warning("article %s: %s", article.id, message, exc_info=True)
                    report = on_fail or on_skip
                    if report is not None:
                        report(article, message)
                    continue
                yield extraction

    def extract_one(self, article: Article) -> Extraction:
        """Extract a single article; raises if its language cannot be served or its extraction fails."""
        code = self.language_of(article)
        if code is None:
            raise UnsupportedLanguageError(f"cannot detect the language of article {article.id}")
        lang = self._language(code)
        ((doc, _),) = self._parse(lang, [(parse_text(article), article)])
        return with_furniture(self._finish(lang, article, doc))

    def _parse(self, lang: _Language, texts: Iterable[tuple[str, Article]]) -> Iterator[tuple[Doc, Article]]:
        """Parsed docs of ``(text, article)`` pairs, in order: triaged, or every sentence in full."""
        if self.triage:
            return triaged_pipe(lang.nlp, lang.code, texts, self.batch_size, self.triage_counts)
        return lang.nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size)

    def _finish(self, lang: _Language, article: Article, doc: Doc) -> Extraction:
        """Entities and relations of one parsed article."""
        year = article.published.year if article.published else None
        cues, openings = lang.relations.cues, clause_openings(lang.code)
        demote_fronted_adverbs(doc, lang.scheme, openings.fronted_adverbs)
        lift_auxiliary_arguments(doc, lang.scheme, cues.clause_auxiliaries)
        raise_fronted_modifiers(doc, lang.scheme)
        nominalize_determined_verbs(doc, lang.scheme)
        prepositional_name_parts(doc, lang.scheme)
        verbs_of_verbless_roots(doc, lang.scheme)
        known = lambda t: bool(cues.candidates(cues.verb_lemmas(t, [])))  # noqa: E731
        verbs = retag_verbs_of_verbless_sentences(doc, lang.scheme, known)
        verbs |= verbs_hung_as_auxiliaries(doc, lang.scheme, known, cues.clause_auxiliaries)
        verbs |= verbs_before_their_particles(doc, lang.scheme, cues.own_particle)
        raise_finite_modifiers(doc, lang.scheme, verbs)
        verbs_under_their_particles(doc, lang.scheme, cues.own_particle)
        raise_verbs_hung_before_coordinators(doc, lang.scheme, verbs)
        conjuncts_parsed_as_complements(doc, lang.scheme)
        raise_verb_conjuncts_of_nouns(doc, lang.scheme)
        raise_verbs_hung_on_infinitives(doc, lang.scheme, cues)
        demote_time_subjects(doc, lang.scheme, cues.time_nouns)
        if cues.verb_second:  # (a subject after the verb: "In Belgrad protestierten Zehntausende")
            subjects_from_counted_people(doc, lang.scheme, cues.quantity_nouns, cues.time_nouns)
        subjects_from_bare_possessors(doc, lang.scheme, openings)
        speech = partial(_speech_act, cues, lang.scheme)
        rehang_fronted_reports(doc, lang.scheme, speech)
        subjects_read_as_objects_of_speech(doc, lang.scheme, speech)
        split_clauses_at_semicolons(doc, lang.scheme)
        rehang_content_from_channels(doc, lang.scheme, speech, cues.complementizers)
        attach_truncated_conjuncts(doc, lang.scheme)
        attach_stray_articles(doc, lang.scheme)
        split_double_subjects(doc, lang.scheme)
        attach_nominal_conjuncts(doc, lang.scheme)
        restore_subjects(doc, lang.scheme, cues.passive_auxiliaries, cues.first_object_is_subject)
        join_verb_first_conjuncts(doc, lang.scheme, cues.adversatives)
        attach_infinitives_to_last_conjunct(doc, lang.scheme, cues)
        raise_conjuncts_out_of_reports(doc, lang.scheme, cues)
        raise_speech_acts_out_of_reports(doc, lang.scheme, speech)
        raise_participle_acts_out_of_reports(doc, lang.scheme, speech)
        raise_past_conjuncts_out_of_infinitives(doc, lang.scheme)
        participle = partial(particle_participle, cues)
        objects_of_perfect_conjuncts(doc, lang.scheme, cues.object_perfect_auxiliaries, participle)
        raise_from_time_nouns(doc, lang.scheme, cues.time_nouns, cues.time_range_prepositions)
        dateline = split_dateline(article.text)
        analysis = analyze_entities(doc, get_language(lang.code), year, dateline.place if dateline else None)
        index: MentionIndex = analysis.index
        split_adjacent_actors(doc, lang.scheme, index)
        triples = lang.relations.extract(doc, index, article.id)
        triples += affiliation_triples(analysis.affiliations, doc, article.id)
        triples = in_article(restore_actor_groups(triples, analysis.entities), dateline)
        # A sector of no known state ("gunmen", "police") is listed only as the doer of something.
        doers = {t.subject.key for t in triples}
        dropped = {e.key for e in analysis.entities if stateless(e) and e.key not in doers}
        return Extraction(
            article=article,
            entities=tuple(e for e in analysis.entities if e.key not in dropped),
            triples=tuple(triples),
            mentions=tuple(sorted((k, n) for k, n in analysis.mention_counts.items() if k not in dropped)),
        )


def _speech_act(cues: LanguageCues, scheme: Scheme, t: Token) -> bool:
    """Whether verb ``t`` (with its particles) is a speech act of the vocabulary ("warned", "forderte ... auf")."""
    hit = cues.predicate_for(t, [c for c in t.children if scheme.has(c, "particle")], ())
    return hit is not None and hit[1].kind == "speech"


def parse_text(article: Article) -> str:
    """The text to parse: the article's body, after its dateline.

    "KYIV, March 3 (Reuters) - ..." is furniture, not the first sentence's subject; the evidence offsets
    of what is read from the body are shifted back into the article's text (:func:`in_article`).
    """
    return body(article.text, split_dateline(article.text))


@cache
def _detector():
    """The lingua detector, built once per process (its language models load on first use)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = []
    for code in dict.fromkeys([*available_languages(), *OTHER_LANGUAGES]):
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is not None:
            langs.append(Language.from_iso_code_639_1(iso))
    return LanguageDetectorBuilder.from_languages(*langs).build()
