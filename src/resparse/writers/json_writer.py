"""JSON: UTF-8 text (not ASCII-escaped), indented by two spaces or compact on one line."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..model.document import Document
from .base import Writer, to_data

INDENT = 2


class JsonWriter(Writer):
    name = "json"
    suffix = ".json"
    media_type = "application/json"
    supports_compact = True

    def dumps(self, doc: Document | Mapping[str, Any]) -> str:
        data = to_data(doc)
        if self.compact:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        else:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=INDENT)
        return text + "\n"
