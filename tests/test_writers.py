"""Writers dump `Document.to_dict()` unchanged: JSON and YAML load back to the same data, keys in order."""

from __future__ import annotations

import io
import json
import os
import stat

import pytest
import yaml

from factories import minimal_document, sample_document
from resparse.model.document import SCHEMA_VERSION
from resparse.schema import SchemaViolation
from resparse.writers import (
    WRITERS,
    JsonWriter,
    UnknownFormat,
    YamlWriter,
    get_writer,
    render,
    write_atomic,
)


def key_orders(node, at="$"):
    """Every mapping's key order in a tree, by path, so two trees can be compared order-sensitively."""
    out = {}
    if isinstance(node, dict):
        out[at] = list(node)
        for key, value in node.items():
            out.update(key_orders(value, f"{at}.{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.update(key_orders(value, f"{at}[{i}]"))
    return out


def test_registry():
    assert set(WRITERS) == {"json", "yaml", "akn"}
    assert isinstance(get_writer("json"), JsonWriter)
    assert isinstance(get_writer("YAML"), YamlWriter)
    assert {w.suffix for w in WRITERS.values()} == {".json", ".yaml", ".xml"}
    for name, cls in WRITERS.items():
        assert cls.name == name


def test_unknown_format():
    with pytest.raises(UnknownFormat, match="json, yaml"):
        get_writer("xml")
    assert issubclass(UnknownFormat, ValueError)


def test_compact_is_json_only():
    assert get_writer("json", compact=True).compact
    with pytest.raises(ValueError, match="compact"):
        get_writer("yaml", compact=True)


@pytest.mark.parametrize("make", [sample_document, minimal_document])
def test_json_loads_back_to_the_same_data_in_the_same_order(make):
    data = make().to_dict()
    text = get_writer("json").dumps(make())
    assert json.loads(text) == data
    assert key_orders(json.loads(text)) == key_orders(data)


def test_json_is_indented_unicode_text_ending_with_a_newline():
    text = get_writer("json").dumps(sample_document())
    assert text.startswith('{\n  "schema_version": "' + SCHEMA_VERSION + '",\n  "source": {\n    "file"')
    assert text.endswith("}\n")
    assert "“capacity-building” work – in particular" in text
    assert "Côte d’Azur" in text
    assert "\\u" not in text


def test_compact_json_is_one_line():
    text = get_writer("json", compact=True).dumps(sample_document())
    assert text.count("\n") == 1 and text.endswith("}\n")
    assert text.startswith('{"schema_version":"' + SCHEMA_VERSION + '","source":{')
    assert json.loads(text) == sample_document().to_dict()


@pytest.mark.parametrize("make", [sample_document, minimal_document])
def test_yaml_loads_back_to_the_same_data_in_the_same_order(make):
    data = make().to_dict()
    text = get_writer("yaml").dumps(make())
    assert yaml.safe_load(text) == data
    assert key_orders(yaml.safe_load(text)) == key_orders(data)


def test_yaml_is_block_style_unicode():
    text = get_writer("yaml").dumps(sample_document())
    assert text.startswith(f"schema_version: '{SCHEMA_VERSION}'\nsource:\n  file: A_RES_99_1.pdf\n")
    assert "Côte d’Azur" in text and "\\u" not in text
    assert "{" not in text  # no flow mappings
    long_text = sample_document().metadata.title
    assert f"title: {long_text}\n" in text  # long strings stay on one line


def test_json_and_yaml_are_the_same_tree():
    doc = sample_document()
    assert json.loads(get_writer("json").dumps(doc)) == yaml.safe_load(get_writer("yaml").dumps(doc))


def test_yaml_keeps_strings_that_look_like_other_types_as_strings():
    doc = sample_document()
    doc.metadata.number = "1"
    doc.metadata.session = "yes"
    doc.metadata.symbol = "null"
    doc.metadata.original_language = "1e3"
    doc.metadata.agenda_items = ["2044-10-12", "on", "0x10", "~"]
    data = yaml.safe_load(get_writer("yaml").dumps(doc))
    assert data["metadata"] == doc.to_dict()["metadata"]


def test_yaml_never_writes_aliases_for_shared_objects():
    data = minimal_document().to_dict()
    shared = ["68 (b)"]
    data["metadata"]["agenda_items"] = shared
    data["metadata"]["sponsors"] = shared
    text = get_writer("yaml").dumps(data)
    assert "&" not in text and "*id" not in text
    assert yaml.safe_load(text) == data


def test_a_dict_tree_is_dumped_as_is():
    data = sample_document().to_dict()
    assert get_writer("json").dumps(data) == get_writer("json").dumps(sample_document())


def test_write_puts_the_whole_text_in_the_stream():
    stream = io.StringIO()
    get_writer("yaml").write(sample_document(), stream)
    assert stream.getvalue() == get_writer("yaml").dumps(sample_document())


def test_render_validates_first():
    doc = sample_document()
    assert json.loads(render(doc)) == doc.to_dict()
    assert yaml.safe_load(render(doc, "yaml")) == doc.to_dict()
    doc.operative[0].number = "1."
    with pytest.raises(SchemaViolation) as caught:
        render(doc)
    assert caught.value.issues[0].path == "operative[0].number"
    assert json.loads(render(doc, validate=False))["operative"][0]["number"] == "1."


def test_write_atomic_creates_and_replaces(tmp_path):
    target = tmp_path / "out.json"
    write_atomic(target, "first\n")
    assert target.read_text() == "first\n"
    write_atomic(target, "zweite – ü\n")
    assert target.read_text(encoding="utf-8") == "zweite – ü\n"
    write_atomic(target, b"bytes")
    assert target.read_bytes() == b"bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_write_atomic_gives_a_new_file_the_usual_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644


def test_write_atomic_keeps_an_existing_files_mode(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_write_atomic_leaves_the_old_file_and_no_temporary_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_write_atomic_into_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "missing" / "out.json", "x")
    assert list(tmp_path.iterdir()) == []
