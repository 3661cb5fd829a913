"""Write an output file so that readers see either the old file or the whole new one.

An auditor's report that is half-written (disk full, Ctrl-C, a crash) must
never be mistaken for a finished one, so every writer goes through here.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_output(path: Path, mode: str = "wb", *, encoding: str | None = None) -> Iterator[IO]:
    """Yield a file object; on success it replaces ``path``, on error it is removed.

    ``mode`` is "wb" or "w" (text is written as UTF-8 unless ``encoding`` says
    otherwise). The temporary file lives in the same folder so the final
    rename is atomic on the same filesystem.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_output mode must be 'w' or 'wb', not {mode!r}")
    path = Path(path)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    text_options = {"encoding": encoding or "utf-8", "newline": ""} if mode == "w" else {}
    try:
        with os.fdopen(handle, mode, **text_options) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates 0600; give the result the permissions a normal file would get
        os.chmod(temp_name, 0o666 & ~_current_umask())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
