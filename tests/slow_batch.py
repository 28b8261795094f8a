"""`resparse extract ...` as a process whose every worker starts its file late (`SLOW_BATCH_SECONDS`,
default 1.5), for the tests that kill or interrupt a running batch:

    python tests/slow_batch.py extract DIR --out-dir OUT -j 1
    python tests/slow_batch.py extract DIR --out-dir OUT --scheduler local:1
"""

from __future__ import annotations

import functools
import os
import sys

import workers
from resparse import batch
from resparse.cli import main
from resparse.scale import cluster

if __name__ == "__main__":
    seconds = float(os.environ.get("SLOW_BATCH_SECONDS", "1.5"))
    slow = functools.partial(workers.slow, seconds=seconds)
    batch.run_batch = functools.partial(batch.run_batch, convert=slow)
    cluster.run_dask_batch = functools.partial(cluster.run_dask_batch, convert=slow)  # --scheduler
    sys.exit(main())
