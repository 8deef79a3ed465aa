"""Read articles from files, directories, JSON Lines and stdin, as a stream.

Accepted inputs (the same for ``kg extract``, ``kg ingest``):

* ``.txt`` / ``.md`` files: one article each; id derived from the content; YAML/TOML front matter
  gives title, date, source, url, lang and id; a first line without sentence-final punctuation
  is the title (:mod:`kg.read.formats`);
* ``.html`` / ``.htm`` saved web pages: main text, title, date, site and URL (``trafilatura``);
* ``.rss`` / ``.atom`` / ``.xml`` feed files: one article per entry (``feedparser``);
* ``.jsonl`` / ``.ndjson`` files: one article object per line
  (``id, url, title, source, published, lang, text``);
* directories: the files above, recursively, in sorted order; the other files are passed to
  ``on_unknown`` (for a summary such as :func:`unknown_summary`), hidden ones (``.git/``) ignored;
* ``-``: standard input, JSON Lines if the first non-blank character is
  ``{``, else one plain-text article.

Bad input never stops the stream: each problem is reported to ``on_error``
as an :class:`InputError` that names the file (and line), and reading goes on
with the next record. The caller decides the exit code.

Decoding: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252
(the superset of Latin-1 that legacy scraped pages use), so German Latin-1
text is read correctly. Binary files (images, archives, PDFs, or data with
NUL bytes or many control characters) are refused, not guessed at.

Limits: an article longer than :func:`kg.read.clean.max_article_chars`
(200,000 characters, ``KG_MAX_ARTICLE_CHARS``) is refused with a message;
oversized files and JSON lines are refused without being read into memory.

The modules: :mod:`~kg.read.files` (paths, directories, stdin), :mod:`~kg.read.jsonl`,
:mod:`~kg.read.formats` (pages, feeds, front matter, title lines), :mod:`~kg.read.articles` (fields to
articles), :mod:`~kg.read.clean` (text cleaning, the size limit), :mod:`~kg.read.decode` (bytes to text),
:mod:`~kg.read.seen` (repeated ids, where an article came from), :mod:`~kg.read.errors`.
"""

from kg.read.articles import with_default_lang
from kg.read.errors import ErrorHandler, InputError
from kg.read.files import ARTICLE_SUFFIXES, article_files, read_articles, unknown_summary, unreadable_reason
from kg.read.jsonl import article_from_json
from kg.read.seen import origin_of

__all__ = [
    "ARTICLE_SUFFIXES",
    "ErrorHandler",
    "InputError",
    "article_files",
    "article_from_json",
    "origin_of",
    "read_articles",
    "unknown_summary",
    "unreadable_reason",
    "with_default_lang",
]
