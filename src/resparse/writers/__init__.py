"""Output formats. `WRITERS` maps a format name to its writer class; `render()` is what the CLI writes.

Every writer works from `Document.to_dict()` and nothing else, so JSON, YAML and Akoma Ntoso cannot
disagree: JSON and YAML dump the tree, the Akoma Ntoso writer marks it up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model.document import Document
from ..schema import assert_valid
from ..timing import stage
from .akn import AknWriter
from .base import Writer, to_data
from .files import write_atomic
from .json_writer import JsonWriter
from .yaml_writer import YamlWriter

WRITERS: dict[str, type[Writer]] = {w.name: w for w in (JsonWriter, YamlWriter, AknWriter)}
DEFAULT_FORMAT = "json"


class UnknownFormat(ValueError):
    """No writer of that name."""


def get_writer(name: str, *, compact: bool = False) -> Writer:
    """The writer for format `name` ("json", "yaml", "akn"); `compact` is one-line output (JSON only)."""
    try:
        cls = WRITERS[name.lower()]
    except KeyError:
        raise UnknownFormat(f"unknown output format {name!r}; choose one of: {', '.join(WRITERS)}") from None
    return cls(compact=compact)


def render(doc: Document | Mapping[str, Any], fmt: str = DEFAULT_FORMAT, *, compact: bool = False,
           validate: bool = True) -> str:
    """The document as text in format `fmt`, validated against the schema first.

    Raises `resparse.schema.SchemaViolation` if the document breaks the schema (a bug in resparse).
    """
    writer = get_writer(fmt, compact=compact)
    with stage("writing"):
        data = to_data(doc)
    if validate:
        with stage("validation"):
            assert_valid(data)
    with stage("writing"):
        return writer.dumps(data)


__all__ = [
    "DEFAULT_FORMAT", "WRITERS", "AknWriter", "JsonWriter", "UnknownFormat", "Writer", "YamlWriter",
    "get_writer", "render", "to_data", "write_atomic",
]
