"""The run report: what an extraction run did not extract, and why.

Extraction has one error policy (:class:`~kg.extract.pipeline.Extractor`, ``on_error``): an article
whose extraction raises is caught once, in the extractor, and with ``on_error="skip"`` (the default)
it is counted here and handed to ``on_skip`` like an article of a language kg cannot serve; with
``on_error="raise"`` the exception ends the run. The report lives in the process that runs the
extractor: with ``workers > 1`` the workers' outcomes and the models they found missing come back to
it, so the parent (and the CLI's summary and exit code) see every skip, failure and missing model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

OnError = Literal["raise", "skip"]
ON_ERROR: tuple[OnError, ...] = ("raise", "skip")


@dataclass
class RunReport:
    """Counts and reasons of one extractor's runs (cumulative over its ``extract`` calls)."""

    #: articles extracted (yielded)
    extracted: int = 0
    #: (article id, reason) of articles not extracted because kg cannot serve their language
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: (article id, "ExceptionType: message") of articles whose extraction raised (``on_error="skip"``)
    failed: list[tuple[str, str]] = field(default_factory=list)
    #: language -> why its pipeline cannot be loaded (kg has its data but no spaCy model is installed)
    missing_models: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        """``extracted 12, skipped 1, failed 0, missing models: fr`` (for logs and messages)."""
        parts = [f"extracted {self.extracted}", f"skipped {len(self.skipped)}", f"failed {len(self.failed)}"]
        if self.missing_models:
            parts.append("missing models: " + ", ".join(sorted(self.missing_models)))
        return ", ".join(parts)
