"""The corpus as a Parquet dataset: three tables (`documents`, `units`, `citations`), one file per input each.

    DIR/documents/<name>.parquet   one row: the document's metadata, or its error
    DIR/units/<name>.parquet       one row per paragraph, item, heading, wrap-up, annex block and footnote
    DIR/citations/<name>.parquet   one row per citation edge

`<name>` is the input's output name (`batch.output_names`: mirrored, never colliding), so a file converted
again replaces its own three files and never adds rows beside them; each file is written atomically (a
temporary file, then a rename), so a killed run leaves whole files or none. The schemas are `TABLES`, here
and nowhere else: the writer, the empty views of `resparse sql` and the README table all come from it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..batch import FAILED, SKIPPED, Input, Job, Record, is_current, output_names, remove_stale_temp_files
from ..citations.graph import edges
from ..writers import write_atomic

SUFFIX = ".parquet"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string | int32 | date | list<int32> | list<string>
    doc: str


# The three tables: every column, its type and meaning. Documented in the README ("Parquet dataset").
TABLES: dict[str, tuple[Column, ...]] = {
    "documents": (
        Column("name", "string", "the dataset's key for the input: its output name (`pdf/A_RES_70_1`)"),
        Column("source", "string", "the input's path as given to `extract`"),
        Column("symbol", "string", "the document symbol (`A/RES/70/1`); null when unknown or failed"),
        Column("body", "string", "the issuing body (`General Assembly`)"),
        Column("type", "string", "the document type (`resolution`, `draft_resolution`, `decision` ...)"),
        Column("date", "date", "the document's date"),
        Column("language", "string", "its language (`en`, `fr` ...)"),
        Column("title", "string", "its title"),
        Column("pages", "int32", "its number of pages"),
        Column("sha256", "string", "the SHA-256 of the input's bytes"),
        Column("error_type", "string", "null if converted; else the failure cause (`corrupt`, `timeout` ...)"),
        Column("error_message", "string", "the one-line error message, when it failed"),
    ),
    "units": (
        Column("name", "string", "the document's key (documents.name)"),
        Column("symbol", "string", "the document's symbol"),
        Column("seq", "int32", "the unit's position in the document (0, 1, ...), in reading order"),
        Column("unit_id", "string", "its id in the JSON tree (`pp_3`, `para_2__point_a`; `footnote:<marker>`)"),
        Column("parent_id", "string", "the enclosing unit (an item's paragraph), annex (`annex_1`) or, for a "
                                      "footnote, the unit it is attached to; null at the top"),
        Column("part", "string", "`preamble`, `operative`, `annex` or `footnotes`"),
        Column("kind", "string", "`paragraph`, `item`, `heading`, `wrap_up` or `footnote`"),
        Column("number", "string", "its printed number (`3`, `(a)`); null if none"),
        Column("lead", "string", "a paragraph's leading words (`Recalling`, `Urges`); null if none"),
        Column("text", "string", "its text"),
        Column("pages", "list<int32>", "the pages it is on"),
        Column("footnotes", "list<string>", "the footnote markers in its text"),
    ),
    "citations": (
        Column("name", "string", "the citing document's key (documents.name)"),
        Column("citing_symbol", "string", "the citing document's symbol"),
        Column("unit_id", "string", "the citing unit (units.unit_id)"),
        Column("kind", "string", "what is cited (`resolution`, `document`, `treaty` ...)"),
        Column("target", "string", "the cited thing's canonical name (`A/RES/70/1`)"),
        Column("link", "string", "a URL for it, when there is one"),
    ),
}


def arrow_schema(table: str):
    """The pyarrow schema of one of `TABLES`."""
    import pyarrow as pa  # noqa: PLC0415 - the optional extra

    types = {"string": pa.string(), "int32": pa.int32(), "date": pa.date32(), "list<int32>": pa.list_(pa.int32()),
             "list<string>": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, types[c.type]) for c in TABLES[table]])


# --- rows -----------------------------------------------------------------------------------------------

def _date(text: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def document_row(name: str, source: str, doc: dict[str, Any] | None, error: dict[str, str] | None) -> dict:
    meta = (doc or {}).get("metadata") or {}
    src = (doc or {}).get("source") or {}
    return {"name": name, "source": source, "symbol": meta.get("symbol"), "body": meta.get("body"),
            "type": meta.get("document_type"), "date": _date(meta.get("date")), "language": meta.get("language"),
            "title": meta.get("title"), "pages": src.get("pages"), "sha256": src.get("sha256"),
            "error_type": (error or {}).get("type"), "error_message": (error or {}).get("message")}


def _blocks(doc: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str, str | None, str | None]]:
    """(node, part, parent id, kind) for every unit, in reading order; kind None: the node's `type`."""
    def nested(node: dict[str, Any], part: str, parent: str | None) -> Iterator:
        yield node, part, parent, None
        for item in node.get("items") or []:
            yield from nested(item, part, node.get("id"))
        if node.get("wrap_up"):
            yield node["wrap_up"], part, node.get("id"), "wrap_up"

    for node in (doc.get("preamble") or {}).get("paragraphs") or []:
        yield from nested(node, "preamble", None)
    for node in doc.get("operative") or []:
        yield from nested(node, "operative", None)
    for annex in doc.get("annexes") or []:
        for node in annex.get("content") or []:
            yield from nested(node, "annex", annex.get("id"))
    for note in doc.get("footnotes") or []:
        yield note, "footnotes", note.get("ref"), "footnote"


def unit_rows(name: str, doc: dict[str, Any]) -> list[dict[str, Any]]:
    symbol = (doc.get("metadata") or {}).get("symbol")
    rows = []
    for seq, (node, part, parent, kind) in enumerate(_blocks(doc)):
        kind = kind or node.get("type")
        unit_id = node.get("id") or (f"footnote:{node['marker']}" if kind == "footnote" else None)
        pages = node.get("pages") or ([node["page"]] if node.get("page") is not None else [])
        rows.append({"name": name, "symbol": symbol, "seq": seq, "unit_id": unit_id,
                     "parent_id": parent if isinstance(parent, str) else None, "part": part, "kind": kind,
                     "number": node.get("number") or None, "lead": node.get("lead"), "text": node.get("text"),
                     "pages": pages, "footnotes": [f["marker"] for f in node.get("footnotes") or []]})
    return rows


def citation_rows(name: str, doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"name": name, **row} for row in edges(doc)]


def table_rows(name: str, source: str, doc: dict[str, Any] | None,
               error: dict[str, str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of one input in each table (a failed input: its `documents` row alone)."""
    return {"documents": [document_row(name, source, doc, error)],
            "units": unit_rows(name, doc) if doc else [], "citations": citation_rows(name, doc) if doc else []}


# --- files ----------------------------------------------------------------------------------------------

def _parquet_bytes(table: str, rows: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), buf, compression="zstd")
    return buf.getvalue()


@dataclass(frozen=True)
class TableFiles:
    """The three Parquet files of one input; sent to the worker that converts it, which writes them."""

    root: str
    name: str  # the output name, without suffix (`pdf/A_RES_70_1`)

    def path(self, table: str) -> Path:
        return Path(self.root, table, *PurePosixPath(self.name + SUFFIX).parts)

    def is_current(self, source: str) -> bool:
        """Whether all three files are there and newer than the input (a resumed run keeps them)."""
        try:
            made = min(self.path(t).stat().st_mtime_ns for t in TABLES)
            return made > os.stat(source).st_mtime_ns
        except OSError:
            return False

    def write(self, source: str, record: Record, document_json: str | None) -> None:
        """Replace the input's rows by those of `record` (with the document's JSON when converted).

        `documents` is written last: a run killed in between leaves it absent or stale, so that
        `is_current` is false and a resumed run writes all three again.
        """
        if record.status == SKIPPED:  # its files are current: kept
            return
        doc = json.loads(document_json) if document_json and record.status != FAILED else None
        rows = table_rows(self.name, source, doc, record.error if record.status == FAILED else None)
        for table in ("units", "citations", "documents"):
            target = self.path(table)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, _parquet_bytes(table, rows[table]))


def plan_tables(inputs: Sequence[Input], root: str | os.PathLike) -> list[TableFiles]:
    """The Parquet files of each input (in input order), named like its outputs."""
    names = output_names(inputs, SUFFIX)
    return [TableFiles(str(root), str(name)[: -len(SUFFIX)]) for name in names]


def remove_stale_table_temp_files(files: Sequence[TableFiles]) -> None:
    """The temporary files a killed run left beside the Parquet files."""
    remove_stale_temp_files([Job(i, "", f.path(t)) for i, f in enumerate(files) for t in TABLES])


def write_tables(files: Sequence[TableFiles]):
    """`run_batch(on_record=...)`: each file's Parquet rows written as its record comes."""
    def on_record(job: Job, record: Record, text: str | None) -> None:
        files[job.index].write(job.source, record, text)

    return on_record


def current_check(files: Sequence[TableFiles]):
    """`run_batch(current=...)`: a job is current when its output (if any) and its three files are."""
    def current(job: Job) -> bool:
        return (job.output is None or is_current(job)) and files[job.index].is_current(job.source)

    return current
