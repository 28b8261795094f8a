"""Citation edges of many documents, for a citation graph: what `resparse refs` prints.

Inputs are PDFs (parsed here) or documents resparse wrote before (JSON, YAML, or JSON lines from a
batch run); each citation of each unit becomes one row: citing symbol, unit id, kind, target, link.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .api import parse
from .citations.graph import EDGE_FIELDS, edges
from .schema.validate import load_data

FORMATS = ("csv", "json", "jsonl")


def documents(path: str | Path) -> Iterator[dict[str, Any]]:
    """The document trees in one file: a PDF, a JSON/YAML output, or JSON lines of a batch run."""
    path = Path(path)
    data = path.read_bytes()
    if data.lstrip()[:5] == b"%PDF-":
        yield parse(data, name=str(path)).to_dict()
        return
    text = data.decode("utf-8")
    if path.suffix.lower() == ".jsonl":
        for line in text.splitlines():
            if line.strip():
                record = json.loads(line)
                doc = record.get("document", record)
                if isinstance(doc, dict) and "metadata" in doc:
                    yield doc
        return
    doc = load_data(text, str(path))
    if isinstance(doc, dict):
        yield doc


def citation_rows(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """One row per citation of every document in `paths`, with the file it came from."""
    for path in paths:
        for doc in documents(path):
            for row in edges(doc):
                yield {"source": str(path), **row}


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    """Write rows as CSV (with a header), a JSON array, or JSON lines; returns how many were written."""
    columns = ("source", *EDGE_FIELDS)
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in columns})
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        items = list(rows)
        stream.write(json.dumps(items, ensure_ascii=False, indent=1) + "\n")
        count = len(items)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return count
