"""How a reader reports bad input: one :class:`InputError` per problem, naming the file (and line);
reading goes on, and the caller decides the exit code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    """One problem with one input: where it is and what is wrong."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


ErrorHandler = Callable[[InputError], None]


def raise_error(err: InputError) -> None:
    raise ValueError(str(err))
