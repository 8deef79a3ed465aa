"""Writing a command's output file (``kg export --out``) without harming what the path names.

Why not always "write ``PATH.partial``, then rename it over ``PATH``": the rename replaces whatever
``PATH`` is. A device (``/dev/null``), a FIFO another program reads, or a symlink the user keeps would
each become a regular file, and a private (0600) file would come back with the default mode. So:

* a new path, or a regular file (also behind a symlink, which is kept): write aside in the same
  directory, with the old file's permission bits set before any byte is written, then rename;
  Ctrl-C or an error removes the partial file and leaves the old one untouched;
* anything else (character or block device, FIFO, socket): written straight into, as a shell
  redirection would.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import IO


def write_output(target: Path, produce: Callable[[IO[bytes]], None]) -> None:
    """Write what ``produce(stream)`` writes to ``target``; raises OSError or KeyboardInterrupt, leaving no debris."""
    real = Path(os.path.realpath(target))  # a symlink stays; its target is what is written
    try:
        st = real.stat()
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a directory", str(target))
        with real.open("wb") as stream:  # a device or FIFO: no rename, no partial file
            produce(stream)
        return
    partial = real.with_name(real.name + ".partial")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666  # umask applies to a new file only
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, mode)
    try:
        if st is not None:
            os.fchmod(fd, mode)  # O_CREAT's mode is masked by the umask, and an old partial keeps its own
            with contextlib.suppress(OSError):  # only root may give a file away; keeping the group is best effort
                os.fchown(fd, st.st_uid, st.st_gid)
        with os.fdopen(fd, "wb") as stream:
            fd = -1
            produce(stream)
        os.replace(partial, real)
    except BaseException:  # includes Ctrl-C: the old file stays as it was, no partial file is left
        if fd >= 0:
            os.close(fd)
        partial.unlink(missing_ok=True)
        raise
