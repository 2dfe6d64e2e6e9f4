"""JSON Schema of privacy.yml, generated from the model, so editors can complete and check it."""

from __future__ import annotations

from typing import Any

from .model import SCHEMA_VERSION, Declaration

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the declaration file."""
    schema = Declaration.model_json_schema(by_alias=True, mode="validation")
    properties = schema["properties"]
    properties["schema"] = {
        "const": SCHEMA_VERSION,
        "description": properties["schema"]["description"],
    }
    schema["required"] = ["schema", *schema.get("required", [])]
    return {"$schema": DIALECT, **schema}
