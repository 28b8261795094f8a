"""What every output format provides: a name, a file suffix, and `dumps(document) -> str`."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import IO, Any, ClassVar

from ..model.document import Document


def to_data(doc: Document | Mapping[str, Any]) -> Mapping[str, Any]:
    """The plain data tree of a document; a tree that already is one is passed through."""
    return doc if isinstance(doc, Mapping) else doc.to_dict()


class Writer(ABC):
    """Dumps the `Document.to_dict()` tree; never adds, drops or reorders keys."""

    name: ClassVar[str]
    suffix: ClassVar[str]
    media_type: ClassVar[str]
    supports_compact: ClassVar[bool] = False

    def __init__(self, *, compact: bool = False):
        if compact and not self.supports_compact:
            raise ValueError(f"compact output is not available for {self.name}")
        self.compact = compact

    @abstractmethod
    def dumps(self, doc: Document | Mapping[str, Any]) -> str:
        """The whole document as text, ending with a newline."""

    def write(self, doc: Document | Mapping[str, Any], stream: IO[str]) -> None:
        """Serialise fully first, then write in one call: an error never leaves half a document."""
        stream.write(self.dumps(doc))
