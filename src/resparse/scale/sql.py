"""`resparse sql`: DuckDB over the Parquet dataset, with the tables as views `documents`, `units`, `citations`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .parquet import SUFFIX, TABLES, arrow_schema

FORMATS = ("table", "csv", "json")


class QueryError(ValueError):
    """The dataset cannot be read or the query fails: one line for the user."""


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple[Any, ...]]


def connect(root: str | os.PathLike):
    """An in-memory DuckDB with a view per table over `root/<table>/**/*.parquet` (empty if it has none)."""
    import duckdb  # noqa: PLC0415 - the optional extra

    if not os.path.isdir(root):
        raise QueryError("no such folder (write the dataset with `resparse extract INPUT... --parquet DIR`)")
    con = duckdb.connect(":memory:")
    for table in TABLES:
        folder = os.path.join(root, table)
        has_files = any(n.endswith(SUFFIX) and not n.startswith(".") for _, _, names in os.walk(folder)
                        for n in names)
        if has_files:
            pattern = os.path.join(folder, "**", "*" + SUFFIX).replace("'", "''")
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pattern}')")
        else:
            con.register(f"_empty_{table}", arrow_schema(table).empty_table())
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM _empty_{table}")
    return con


def run_query(query: str, root: str | os.PathLike) -> Result:
    import duckdb  # noqa: PLC0415

    con = connect(root)
    try:
        cursor = con.execute(query)
        if cursor.description is None:
            return Result([], [])
        return Result([d[0] for d in cursor.description], cursor.fetchall())
    except duckdb.Error as e:
        raise QueryError(str(e).splitlines()[0] if str(e) else type(e).__name__) from None
    finally:
        con.close()


def _plain(value: Any) -> Any:
    """A value as JSON has it (dates as ISO text)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(_plain(value), ensure_ascii=False)
    return str(_plain(value))


def format_result(result: Result, fmt: str = "table", *, width: int = 60) -> str:
    """The rows as an aligned text table (cells cut at `width`), CSV with a header, or a JSON array."""
    if fmt == "json":
        items = [dict(zip(result.columns, map(_plain, row), strict=True)) for row in result.rows]
        return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
        return buf.getvalue()
    return _text_table(result.columns, [[_cut(_cell(v), width) for v in row] for row in result.rows])


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
