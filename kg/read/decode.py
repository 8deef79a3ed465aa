"""Bytes to text: encodings, binary files refused, lines and files bounded before they are read into memory."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from kg.read.errors import InputError

#: File signatures of formats that are certainly not article text.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"\x7fELF", "an executable"),
)


def max_file_bytes(chars: int) -> int:
    # A character is at most 4 bytes in UTF-8 (2 in UTF-16, 1 in cp1252).
    return 4 * chars + 16


def max_json_line_bytes(chars: int) -> int:
    # JSON may spell a character as a 6-byte \\uXXXX escape; allow room for the other fields.
    return 6 * chars + 65_536


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file, or None when it looks like text."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return f"{what}, not text"
    sample = data[:8192]
    if not sample:
        return None
    nul = sample.count(0) / len(sample)
    controls = sum(b < 9 or 13 < b < 32 for b in sample) / len(sample)
    # A stray NUL in real text is removed later; data made of them is not text.
    if nul > 0.01 or controls > 0.05:
        return "binary data (control characters), not text"
    return None


def decode_text(data: bytes, source: str) -> tuple[str | None, InputError | None]:
    """Decode bytes as UTF-8 / UTF-16 (BOM) / Windows-1252, or report why they are not text.

    Returns ``(text, None)`` or ``(None, error)``.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, InputError(source, "starts with a UTF-16 byte-order mark but is not UTF-16; skipped")
    reason = binary_reason(data)
    if reason is not None:
        return None, InputError(source, f"looks like {reason}; skipped")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 is the superset of Latin-1 that real scraped pages use.
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        return data.decode("latin-1"), None


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``stream``; a line longer than ``max_bytes`` is skipped unread and yields None."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the overlong line in bounded chunks
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def wide_encoding(stream: BinaryIO) -> str | None:
    """``utf-16``/``utf-32`` when ``stream`` starts with that byte-order mark, else None."""
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


class Recoded:
    """A UTF-16/32 byte stream read as UTF-8 lines, so the JSON Lines reader splits at real line ends."""

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")

    def readline(self, size: int = -1) -> bytes:
        return self._text.readline(size).encode("utf-8", "surrogatepass")
