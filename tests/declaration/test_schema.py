"""The published JSON Schema: editors check the real files with it and it documents every field."""

from __future__ import annotations

import json
from typing import Any

import pytest
from declaration import json_schema
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from sitebuild import ROOT


def _data(path) -> dict[str, Any]:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(validator: Draft202012Validator, data: dict[str, Any]) -> list[str]:
    return [
        f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)
    ]


def test_the_example_and_the_site_declaration_are_valid(
    validator, example_path, site_declaration_path
) -> None:
    assert _errors(validator, _data(example_path)) == []
    assert _errors(validator, _data(site_declaration_path)) == []


def test_unknown_keys_are_rejected(validator, example_path) -> None:
    data = _data(example_path)
    data["cookies"] = []
    data["controller"]["legal_nmae"] = "Typo GmbH"
    errors = _errors(validator, data)
    assert len(errors) == 2
    assert any("'cookies' was unexpected" in error for error in errors)
    assert any(error.startswith("controller:") and "legal_nmae" in error for error in errors)


def test_wrong_values_are_rejected(validator, example_path) -> None:
    data = _data(example_path)
    data["schema"] = 2
    data["processing"][1]["retention"]["duration"] = "6 months"
    data["processing"][0]["legal_basis"] = "legitimate_interest"
    data["recipients"][0]["country"] = "UK"
    paths = sorted(error.split(":")[0] for error in _errors(validator, data))
    assert paths == [
        "processing.0.legal_basis",
        "processing.1.retention.duration",
        "recipients.0.country",
        "schema",
    ]


def test_schema_version_is_required(validator, example_path) -> None:
    data = _data(example_path)
    del data["schema"]
    assert _errors(validator, data) == [": 'schema' is a required property"]


def _objects(node: Any):
    if isinstance(node, dict):
        if "properties" in node:
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_every_field_is_documented_and_closed() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    objects = list(_objects(schema))
    assert len(objects) > 20
    for obj in objects:
        assert obj.get("additionalProperties") is False, obj.get("title")
        for name, field in obj["properties"].items():
            assert field.get("description"), f"{obj.get('title')}.{name} has no description"


def test_the_documentation_names_the_conditions() -> None:
    defs = json_schema()["$defs"]
    assert (
        "legitimate_interests"
        in defs["Processing"]["properties"]["legitimate_interest"]["description"]
    )
    assert (
        "outside the EU/EEA" in defs["Controller"]["properties"]["eu_representative"]["description"]
    )
    assert "matomo" in defs["Processing"]["properties"]["scripts"]["description"]


def test_the_published_schema_file_is_the_models_schema() -> None:
    """The schema file is what editors read: it must never lag behind the model."""
    published = ROOT / "plugins" / "declaration" / "privacy.schema.json"
    assert json.loads(published.read_text(encoding="utf-8")) == json_schema(), (
        "plugins/declaration/privacy.schema.json is out of date; run "
        ".venv/bin/python -m declaration schema > plugins/declaration/privacy.schema.json"
    )


def test_a_text_is_one_string_or_one_string_per_language(validator, example_path) -> None:
    data = _data(example_path)
    data["site"]["languages"] = ["de", "en"]
    data["processing"][1]["purpose"] = {"de": "Fragen beantworten", "en": "Answer questions"}
    data["processing"][0]["sources"] = [
        "browser",
        {"de": "das Handelsregister", "en": "the register"},
    ]
    assert _errors(validator, data) == []
    data["processing"][1]["purpose"] = {"de": 5, "en": "Answer questions"}
    data["processing"][0]["title"] = {"german": "Server-Protokolle"}
    data["recipients"][0]["purpose"] = {}
    data["controller"]["legal_name"] = {"de": "Beispiel GmbH"}  # a name is written once
    paths = sorted(error.split(":")[0] for error in _errors(validator, data))
    assert paths == [
        "controller.legal_name",
        "processing.0.title",
        "processing.1.purpose",
        "recipients.0.purpose",
    ]
