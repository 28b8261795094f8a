"""Archive scale: the batch on a Dask cluster (`cluster`), the corpus as a Parquet dataset (`parquet`), and
SQL over it with DuckDB (`sql`).

Dask, pyarrow and DuckDB are the optional extra `resparse[scale]`; `require` says how to install it when
they are missing. The modules import them only when they run, so `resparse` works without them.
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = "pip install 'resparse[scale]'"
EXTRA_MODULES = {"--scheduler": ("dask", "distributed"), "--parquet": ("pyarrow",),
                 "sql": ("duckdb", "pyarrow")}


class ScaleMissing(RuntimeError):
    """A feature of the `scale` extra was asked for without the extra installed."""


def require(feature: str) -> None:
    """Raise `ScaleMissing` (one line: what is missing, how to install it) if `feature` cannot run here."""
    missing = [m for m in EXTRA_MODULES[feature] if importlib.util.find_spec(m) is None]
    if missing:
        raise ScaleMissing(f"{feature} needs {', '.join(missing)}, of the scale extra: {INSTALL_HINT}")


def local_path(location: str) -> str:
    """A path or a `file://` URL as a local path (fsspec's reading of it); other URLs are refused, in one line."""
    if "://" not in location:
        return location
    try:
        from fsspec.core import url_to_fs  # noqa: PLC0415
    except ImportError:
        raise ScaleMissing(f"{location}: URLs need fsspec, of the scale extra: {INSTALL_HINT}") from None
    try:
        fs, path = url_to_fs(location)
    except (ImportError, ValueError) as e:  # an unknown protocol, or one whose package is not installed
        raise ValueError(f"{location}: {e}") from None
    if "file" not in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)):
        raise ValueError(f"{location}: only local paths and file:// URLs are read and written")
    return path
