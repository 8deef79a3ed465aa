"""Which articles a run has read, and from where: duplicate ids reported with both places, and the file of an
article id for later warnings."""

from __future__ import annotations

from collections import OrderedDict

from kg.model import Article
from kg.read.errors import ErrorHandler, InputError

#: Where the articles read lately came from (``file`` or ``file:line``), for warnings that name the
#: file and not only the article id; bounded, as warnings come soon after an article is read.
_ORIGINS: OrderedDict[str, str] = OrderedDict()
_MAX_ORIGINS = 200_000


def note_origin(article: Article, source: str, line: int | None = None) -> None:
    _ORIGINS[article.id] = f"{source}:{line}" if line is not None else source
    _ORIGINS.move_to_end(article.id)
    if len(_ORIGINS) > _MAX_ORIGINS:
        _ORIGINS.popitem(last=False)


def origin_of(article_id: str) -> str | None:
    """The file (``path`` or ``path:line``) the article with this id was read from lately, or None."""
    return _ORIGINS.get(article_id)


class SeenIds:
    """The article ids read so far in one run, to report duplicates naming both places.

    Why: two records with the same id are one article to both stores, so the later one silently
    replaced the earlier (and ``123`` and ``"123"`` are the same id). An exact repeat is skipped; a
    different text, or the same id spelled as a number and a string, is read (the later one wins, as
    before) but reported, with the place of the first.
    """

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, str, str]] = {}  # id -> (place, content hash, "string"/"number")

    def keep(self, article: Article, kind: str, source: str, line: int | None, on_error: ErrorHandler) -> bool:
        here = f"{source}:{line}" if line is not None else source
        seen = self._first.get(article.id)
        if seen is None:
            self._first[article.id] = (here, article.content_hash, kind)
            return True
        place, digest, first_kind = seen
        shown = article.id if len(article.id) <= 80 else article.id[:60] + "..."
        if kind != first_kind:
            on_error(InputError(source, f"article id {shown!r} as a {kind} is the same id as the {first_kind} "
                                f"at {place}; this record replaces that one", line))  # fmt: skip
        elif digest != article.content_hash:
            on_error(InputError(source, f"article id {shown!r} was already used at {place} with a different text; "
                                "this record replaces that one", line))  # fmt: skip
        else:
            on_error(InputError(source, f"article {shown!r} repeats {place} exactly; skipped", line))
            return False
        return True
