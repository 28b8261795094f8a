"""resparse: United Nations resolution documents → structured, schema-validated data."""

from .api import parse
from .errors import ResparseError
from .model.document import SCHEMA_VERSION, Document
from .settings import Settings, SettingsError

__version__ = "0.1.0"

__all__ = ["parse", "Document", "ResparseError", "SCHEMA_VERSION", "Settings", "SettingsError", "__version__"]
