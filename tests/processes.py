"""A batch process killed on purpose, for the tests that resume what it left."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Sequence


def kill_when(command: Sequence[str], env: dict[str, str], ready: Callable[[], bool], timeout: float = 120) -> None:
    """Run `command` and kill it (SIGKILL, as the system kills a process) once `ready()` holds."""
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while not ready() and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
