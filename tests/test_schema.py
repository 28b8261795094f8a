"""The JSON Schema is the output contract: it accepts exactly what `Document.to_dict()` produces."""

from __future__ import annotations

import copy

import pytest
from jsonschema import Draft202012Validator

from factories import minimal_document, sample_document
from resparse.model.document import DOCUMENT_TYPES, SCHEMA_VERSION, Document, Heading, Source, Unit
from resparse.schema import (
    SchemaViolation,
    ValidationIssue,
    assert_valid,
    format_path,
    is_valid,
    load_schema,
    validate,
)


def paths(data) -> list[str]:
    return [issue.path for issue in validate(data)]


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_version_is_the_models():
    assert load_schema()["properties"]["schema_version"] == {
        "description": "Version of this schema the document follows.", "const": SCHEMA_VERSION}


def test_load_schema_returns_a_fresh_copy():
    load_schema()["properties"].clear()
    assert "operative" in load_schema()["properties"]


def test_every_object_is_closed_and_lists_every_key_the_model_writes():
    """additionalProperties false everywhere; every key is required except the optional wrap_up
    and the kind-dependent fields of a citation."""
    def objects(node):
        if isinstance(node, dict):
            if "properties" in node:
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    found = list(objects(load_schema()))
    assert len(found) >= 12
    for node in found:
        if node["properties"].keys() == {"type"}:  # the `block` dispatcher: closed by its branches
            continue
        assert node.get("additionalProperties") is False, node
        if node["required"] == ["kind", "text", "offset"]:
            continue  # a citation: its normalised fields depend on its kind
        assert set(node["properties"]) - set(node["required"]) <= {"wrap_up"}, node


@pytest.mark.parametrize("make", [sample_document, minimal_document])
def test_documents_from_the_model_are_valid(make):
    assert validate(make().to_dict()) == []
    assert validate(make()) == []  # a Document is accepted as is
    assert is_valid(make().to_dict())


@pytest.mark.parametrize("document_type", DOCUMENT_TYPES)
def test_every_document_type_is_accepted(document_type):
    doc = sample_document()
    doc.metadata.document_type = document_type
    assert validate(doc) == []


def test_deeply_nested_items_are_valid():
    doc = minimal_document()
    unit = Unit(kind="paragraph", number="1", id="para_1", text="Decides:", lead="Decides")
    parent = unit
    for depth in range(6):
        child = Unit(kind="item", number=f"({'abcdef'[depth]})", id=f"{parent.id}__point_{depth}", text="x;")
        parent.items.append(child)
        parent = child
    doc.operative.append(unit)
    assert validate(doc) == []


def test_a_wrong_field_is_named_by_its_path():
    data = sample_document().to_dict()
    data["operative"][1]["items"][0]["number"] = 1
    issues = validate(data)
    assert [i.path for i in issues] == ["operative[1].items[0].number"]
    assert "not of type 'string'" in issues[0].message
    assert issues[0].location == ("operative", 1, "items", 0, "number")
    assert str(issues[0]).startswith("operative[1].items[0].number: ")


def test_an_error_deep_in_the_recursion_is_named_by_its_path():
    data = sample_document().to_dict()
    data["operative"][1]["items"][0]["items"][0]["pages"] = [0]
    assert paths(data) == ["operative[1].items[0].items[0].pages[0]"]


@pytest.mark.parametrize(("change", "path", "words"), [
    (lambda d: d.update(schema_version="2.0"), "schema_version", f"'{SCHEMA_VERSION}' was expected"),
    (lambda d: d.pop("warnings"), "$", "'warnings' is a required property"),
    (lambda d: d.update(extra=1), "$", "'extra' was unexpected"),
    (lambda d: d["source"].update(sha256="xyz"), "source.sha256", "does not match"),
    (lambda d: d["source"].update(pages=0), "source.pages", "less than the minimum"),
    (lambda d: d["metadata"].update(document_type="report"), "metadata.document_type", "is not one of"),
    (lambda d: d["metadata"].update(date="12 October 2044"), "metadata.date", "does not match"),
    (lambda d: d["metadata"].update(symbol=""), "metadata.symbol", "should be non-empty"),
    (lambda d: d["metadata"].update(sponsors="Atlantis"), "metadata.sponsors", "is not of type 'array'"),
    (lambda d: d["preamble"]["formula"].update(id="f"), "preamble.formula.id", "'formula' was expected"),
    (lambda d: d["preamble"]["paragraphs"][0].pop("lead"), "preamble.paragraphs[0]",
     "'lead' is a required property"),
    (lambda d: d["preamble"]["paragraphs"][1].update(type="title"), "preamble.paragraphs[1].type",
     "is not one of"),
    (lambda d: d["preamble"]["paragraphs"][2]["items"][0].update(lead="To"),
     "preamble.paragraphs[2].items[0]", "'lead' was unexpected"),
    (lambda d: d["operative"][0].update(number="1."), "operative[0].number", "does not match"),
    (lambda d: d["operative"][0].update(text="Endorses  the plan;"), "operative[0].text", "does not match"),
    (lambda d: d["operative"][0].update(text="Endorses\nthe plan;"), "operative[0].text", "does not match"),
    (lambda d: d["operative"][0].update(text=" Endorses"), "operative[0].text", "does not match"),
    (lambda d: d["operative"][0].update(id="Para-1"), "operative[0].id", "does not match"),
    (lambda d: d["operative"][0].update(id=""), "operative[0].id", "does not match"),
    (lambda d: d["operative"][0]["footnotes"].append({"marker": "1"}), "operative[0].footnotes[0]",
     "'offset' is a required property"),
    (lambda d: d["operative"][1]["wrap_up"].pop("footnotes"), "operative[1].wrap_up",
     "'footnotes' is a required property"),
    (lambda d: d["operative"][2].update(text=""), "operative[2].text", "should be non-empty"),
    (lambda d: d["annexes"][0]["content"][2]["items"][0].update(type="paragraph"),
     "annexes[0].content[2].items[0].type", "'item' was expected"),
    (lambda d: d["footnotes"][0].update(page="1"), "footnotes[0].page", "is not of type 'integer'"),
    (lambda d: d["warnings"][0].update(code="Numbering gap"), "warnings[0].code", "does not match"),
])
def test_a_violation_is_reported_at_its_path(change, path, words):
    data = sample_document().to_dict()
    change(data)
    issues = validate(data)
    assert path in [i.path for i in issues], issues
    assert any(words in i.message for i in issues if i.path == path), issues


def test_keys_that_look_like_other_types_must_still_be_strings():
    data = sample_document().to_dict()
    data["metadata"]["number"] = 99
    assert paths(data) == ["metadata.number"]


def test_headings_may_have_an_empty_id_but_units_may_not():
    doc = minimal_document()
    doc.operative = [Heading(text="A. Mandate", id=""), Unit(kind="paragraph", number="1", text="Decides;")]
    assert paths(doc) == ["operative[1].id"]


def test_ids_must_be_unique():
    doc = sample_document()
    doc.operative[2].id = "pp_1"  # the heading gets the id of a preambular paragraph
    issues = validate(doc)
    assert [i.path for i in issues] == ["operative[2].id"]
    assert "duplicate id 'pp_1'" in issues[0].message
    assert "preamble.paragraphs[0].id" in issues[0].message


def test_a_wrap_up_id_counts_as_an_id():
    doc = sample_document()
    doc.operative[1].wrap_up.id = "para_1"
    assert paths(doc) == ["operative[1].wrap_up.id"]


def test_footnote_refs_must_name_a_unit():
    doc = sample_document()
    doc.footnotes[0].ref = "pp_9"
    issues = validate(doc)
    assert [i.path for i in issues] == ["footnotes[0].ref"]
    assert "'pp_9'" in issues[0].message


@pytest.mark.parametrize("ref", [None, "title", "head", "formula", "annex_1", "para_2__wrapup", "heading_b"])
def test_footnote_refs_that_are_allowed(ref):
    doc = sample_document()
    doc.footnotes[0].ref = ref
    assert validate(doc) == []


def test_a_formula_ref_without_a_formula_is_dangling():
    doc = sample_document()
    doc.preamble.formula = None
    doc.footnotes[0].ref = "formula"
    assert paths(doc) == ["footnotes[0].ref"]


def test_not_an_object_at_all():
    assert paths([1, 2]) == ["$"]
    assert paths(None) == ["$"]


def test_messages_about_large_objects_are_short():
    data = sample_document().to_dict()
    data["operative"][1] = [data["operative"][1]]  # a whole paragraph where an object is expected
    issues = validate(data)
    assert issues and all(len(i.message) < 200 for i in issues)


def test_issues_come_in_document_order():
    data = sample_document().to_dict()
    data["operative"][0]["number"] = 1
    data["operative"][1]["number"] = 2
    data["operative"][3]["number"] = 3
    data["footnotes"][0]["page"] = 0
    data["source"]["pages"] = -1
    # indexes in numeric order (not "operative[10]" before "operative[2]")
    op = [p for p in paths(data) if p.startswith("operative")]
    assert op == ["operative[0].number", "operative[1].number", "operative[3].number"]


def test_assert_valid_raises_with_every_issue():
    data = sample_document().to_dict()
    data["operative"][0]["number"] = 1
    data["footnotes"][0]["page"] = 0
    with pytest.raises(SchemaViolation) as caught:
        assert_valid(data)
    assert [i.path for i in caught.value.issues] == ["footnotes[0].page", "operative[0].number"]
    assert "(and 1 more)" in str(caught.value)
    assert_valid(sample_document().to_dict())


def test_validation_does_not_change_the_data():
    data = sample_document().to_dict()
    before = copy.deepcopy(data)
    validate(data)
    assert data == before


@pytest.mark.parametrize(("location", "text"), [
    ((), "$"),
    (("operative", 3, "items", 0, "number"), "operative[3].items[0].number"),
    ((0,), "[0]"),
    (("metadata", "odd key"), 'metadata["odd key"]'),
])
def test_format_path(location, text):
    assert format_path(location) == text


def test_validation_issue_is_a_value():
    assert ValidationIssue("a", "b") == ValidationIssue("a", "b")


def test_a_document_with_the_default_unit_ids_is_invalid():
    """Ids are assigned by the parser; a unit left with the model's default "" id is a bug."""
    doc = Document(source=Source(file="x.pdf", sha256="b" * 64, pages=1),
                   operative=[Unit(kind="paragraph", number="1", text="Decides;")])
    assert paths(doc) == ["operative[0].id"]


def test_every_pattern_in_the_schema_has_a_readable_meaning():
    from resparse.schema.validate import PATTERN_MEANINGS

    def patterns(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern":
                    yield value
                else:
                    yield from patterns(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterns(value)

    assert set(patterns(load_schema())) <= set(PATTERN_MEANINGS)


def test_a_non_object_block_is_reported_once():
    data = sample_document().to_dict()
    data["operative"][0] = "Endorses the plan;"
    assert paths(data) == ["operative[0]"]
