"""Worker functions for the batch tests: the real conversion, delayed, hung or crashed on purpose.

Each is a module-level function (workers are other processes and find it by name), given to
`run_batch(convert=functools.partial(...))`.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

from resparse.batch import Task, convert_one


def slow(task: Task, seconds: float) -> dict[str, Any]:
    """The conversion, `seconds` late: a batch that can be interrupted while it works."""
    time.sleep(seconds)
    return convert_one(task)


def hang(task: Task, name: str, pids: str) -> dict[str, Any]:
    """Record the worker's pid in `pids`; the file called `name` never ends."""
    Path(pids, os.path.basename(task.source) + ".pid").write_text(str(os.getpid()))
    while os.path.basename(task.source) == name:
        time.sleep(3600)
    return convert_one(task)


def crash(task: Task, name: str) -> dict[str, Any]:
    """The worker of the file called `name` is killed (as the system kills a process out of memory)."""
    if os.path.basename(task.source) == name:
        os.kill(os.getpid(), signal.SIGKILL)
    return convert_one(task)


def note_pid(task: Task, pids: str) -> dict[str, Any]:
    """The conversion, with the worker's pid recorded under the file's name in `pids`."""
    Path(pids, os.path.basename(task.source) + ".pid").write_text(str(os.getpid()))
    return convert_one(task)


def kill_dask_worker(task: Task, name: str) -> dict[str, Any]:
    """The file called `name` kills the Dask worker running it (this process's grandparent: the worker
    forked the batch's fork server, which forked this), as the system kills a worker out of memory."""
    if os.path.basename(task.source) == name:
        stat = Path(f"/proc/{os.getppid()}/stat").read_text()
        worker = int(stat.rsplit(")", 1)[1].split()[1])
        os.kill(worker, signal.SIGKILL)
        os._exit(1)
    return convert_one(task)
