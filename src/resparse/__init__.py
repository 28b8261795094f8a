"""resparse: United Nations resolution documents → structured, schema-validated data."""

from .api import parse
from .errors import ResparseError
from .model.document import SCHEMA_VERSION, Document

__version__ = "0.1.0"

__all__ = ["parse", "Document", "ResparseError", "SCHEMA_VERSION", "__version__"]
