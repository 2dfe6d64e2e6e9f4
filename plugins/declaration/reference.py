"""The declaration's reference for people, generated from the JSON Schema so it cannot drift.

`python -m declaration reference > docs/declaration-reference.md` writes it; a test keeps the
file equal to what the model says now. One table per part of the declaration, in the order a
reader meets them in privacy.yml, each field with its kind, whether it is required and the
description the model gives it.
"""

from __future__ import annotations

from typing import Any

from .schema import json_schema

_HEADER = """# The declaration, field by field

<!-- Generated from the declaration's model: do not edit. After changing the model, run
     .venv/bin/python -m declaration reference > docs/declaration-reference.md -->

Every field of `content/privacy.yml`, as the model in `plugins/declaration/model.py` defines it.
How to fill it in, step by step: [the declaration](declaration.md).

## Texts in several languages

A field whose kind says "text or text per language" is prose that people read: write it as
plain text, or as one text per language, `purpose: {de: Fragen zu Rädern beantworten, en: Answer
questions about bikes}`. A plain text counts as the first language of `site.languages`, so a site
in one language needs nothing more; a site in several needs every such field in each of them,
and in no other. Every other field (names, addresses, numbers, codes, e-mail addresses) is the
same in every language and written once. More:
[several languages](declaration.md#several-languages).
"""


def _ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _without_null(node: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The node's own kind, and whether null is allowed too."""
    options = node.get("anyOf")
    if not options:
        return node, False
    kept = [option for option in options if option.get("type") != "null"]
    rest = {k: v for k, v in node.items() if k != "anyOf"}
    merged = {**kept[0], **rest} if len(kept) == 1 else {**rest, "anyOf": kept}
    return merged, len(kept) < len(options)


def _kind(node: dict[str, Any]) -> str:
    node, _ = _without_null(node)
    name = _ref_name(node)
    if name:
        return f"[{name}](#{name.lower()})"
    if "enum" in node:
        return "one of " + ", ".join(f"`{value}`" for value in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kind = node.get("type")
    if kind == "array":
        return f"list of {_kind(node.get('items', {}))}"
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "integer":
        return "whole number"
    if kind == "object" and "propertyNames" in node:
        return "[text per language](#texts-in-several-languages)"
    if kind == "object":
        return "mapping"
    if "anyOf" in node:
        return " or ".join(_kind(option) for option in node["anyOf"])
    return {"email": "e-mail address", "uri": "URL"}.get(node.get("format", ""), "text")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", ()))
    rows = ["| field | kind | required | what it is |", "| --- | --- | --- | --- |"]
    for field, node in schema.get("properties", {}).items():
        _, nullable = _without_null(node)
        needed = "yes" if field in required and not nullable else "no"
        description = _cell(node.get("description", ""))
        rows.append(f"| `{field}` | {_cell(_kind(node))} | {needed} | {description} |")
    return rows


def _parts_in_order(schema: dict[str, Any]) -> list[str]:
    """The named parts, in the order their fields first name them."""
    defs = schema["$defs"]
    order: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            name = _ref_name(node)
            if name and name not in order:
                order.append(name)
                visit(defs[name])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema["properties"])
    return order + sorted(set(defs) - set(order))


def markdown_reference() -> str:
    """The whole reference as Markdown."""
    schema = json_schema()
    lines = [_HEADER, "## The file", "", _cell(schema.get("description", "")), "", *_table(schema)]
    for name in _parts_in_order(schema):
        part = schema["$defs"][name]
        lines += ["", f"## {name}", ""]
        if part.get("description"):
            lines += [_cell(part["description"]), ""]
        lines += _table(part)
    return "\n".join(lines) + "\n"
