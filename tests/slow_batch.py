"""`resparse extract ...` as a process whose every worker starts its file late (`SLOW_BATCH_SECONDS`,
default 1.5), for the tests that kill or interrupt a running batch:

    python tests/slow_batch.py extract DIR --out-dir OUT -j 1
"""

from __future__ import annotations

import functools
import os
import sys

import workers
from resparse import batch
from resparse.cli import main

if __name__ == "__main__":
    seconds = float(os.environ.get("SLOW_BATCH_SECONDS", "1.5"))
    batch.run_batch = functools.partial(batch.run_batch, convert=functools.partial(workers.slow, seconds=seconds))
    sys.exit(main())
