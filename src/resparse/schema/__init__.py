"""The output contract: the versioned JSON Schema of a resparse document, and its validation."""

from .validate import (
    SCHEMA_FILE,
    SchemaViolation,
    UnreadableData,
    ValidationIssue,
    assert_valid,
    format_path,
    is_valid,
    load_data,
    load_schema,
    schema_text,
    validate,
)

__all__ = [
    "SCHEMA_FILE",
    "SchemaViolation",
    "UnreadableData",
    "ValidationIssue",
    "assert_valid",
    "format_path",
    "is_valid",
    "load_data",
    "load_schema",
    "schema_text",
    "validate",
]
