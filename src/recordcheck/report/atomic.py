"""Write an output file so that readers see either the old file or the whole new one.

An auditor's report that is half-written (disk full, Ctrl-C, a crash) must
never be mistaken for a finished one, so every writer goes through here.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
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


@contextmanager
def staging_folder(out_dir: Path) -> Iterator[Path]:
    """A hidden folder beside ``out_dir`` (same filesystem) for building a pack; removed after."""
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.building-"))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def move_into_place(staging: Path, out_dir: Path, names: Iterable[str]) -> list[Path]:
    """Move the built files into ``out_dir``, each by an atomic rename, with Ctrl-C held off
    until all have moved: the folder then holds the whole new pack or the whole old one."""
    moved = []
    with _interrupts_held():
        for name in names:
            os.replace(staging / name, out_dir / name)
            moved.append(out_dir / name)
    return moved


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Defer Ctrl-C for the few milliseconds the renames take, then deliver it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            raise KeyboardInterrupt
