"""JSON lines: one object per input, in input order."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


class InOrder:
    """Releases items in index order as they arrive out of order (for a deterministic --jsonl stream)."""

    def __init__(self, emit: Callable[[Any], None]):
        self._emit = emit
        self._next = 0
        self._waiting: dict[int, Any] = {}

    def add(self, index: int, item: Any) -> None:
        self._waiting[index] = item
        while self._next in self._waiting:
            self._emit(self._waiting.pop(self._next))
            self._next += 1

    def skip_to(self, index: int) -> None:
        """Give up on items before `index` that never came; emit the rest of those waiting in order."""
        for i in sorted(self._waiting):
            if i < index:
                self._emit(self._waiting.pop(i))
        self._next = max(self._next, index)


def jsonl_line(source: str, *, document_json: str | None = None, error: dict[str, str] | None = None,
               skipped: str | None = None) -> str:
    """One `--jsonl` line: `{"source_path": ..., "document": {...}}`, `... "error": {...}` or
    `... "skipped": {"reason": ...}`."""
    head = '{"source_path":' + json.dumps(source, ensure_ascii=False)
    if document_json is not None:
        return head + ',"document":' + document_json.rstrip("\n") + "}"
    if error is not None:
        return head + ',"error":' + json.dumps(error, ensure_ascii=False, separators=(",", ":")) + "}"
    return head + ',"skipped":' + json.dumps({"reason": skipped}) + "}"
