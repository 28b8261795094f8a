"""YAML: the same tree as the JSON, block style, Unicode kept, keys in document order."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import yaml

from ..model.document import Document
from .base import Writer, to_data


class _Dumper(yaml.SafeDumper):
    """Safe dumper that never writes anchors/aliases (`&id001`), so every node is spelled out."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class YamlWriter(Writer):
    name = "yaml"
    suffix = ".yaml"
    media_type = "application/yaml"

    def dumps(self, doc: Document | Mapping[str, Any]) -> str:
        return yaml.dump(
            _plain(to_data(doc)), Dumper=_Dumper, default_flow_style=False, allow_unicode=True,
            sort_keys=False, width=sys.maxsize, explicit_start=False,
        )


def _plain(value: Any) -> Any:
    """Mappings → dict and sequences → list, so the safe dumper accepts any Mapping the model returns."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
