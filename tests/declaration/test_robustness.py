"""Whatever shape a value takes, loading ends in our one-line problems, never in a crash.

Every key and item of a rich declaration is replaced, in turn, by a value of another shape
(or removed). Each load must either succeed or raise DeclarationError whose problems are
single lines that name the file, a line and a path.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from declaration import DeclarationError, load_declaration
from ruamel.yaml import YAML

OTHER_SHAPES: list[Any] = [None, 1, "x", [], {"a": 1}, True, [None]]


def _rich(example_path: Path) -> dict[str, Any]:
    """The example with a US recipient and a storage item, so every rule has something to read."""
    data = YAML(typ="safe", pure=True).load(example_path.read_text(encoding="utf-8"))
    data["recipients"].append(
        {
            "id": "mailer",
            "name": "Example Newsletter Inc.",
            "role": "processor",
            "purpose": "Newsletter delivery",
            "country": "US",
            "hosts": ["forms.newsletter.example.test"],
            "dpf": ["eu_us"],
            "transfer": {"mechanism": "eu_us_dpf"},
            "privacy_url": "https://newsletter.example.test/privacy",
        }
    )
    data["processing"][1]["recipients"].append("mailer")
    data["storage"] = [
        {
            "name": "theme",
            "type": "local_storage",
            "provider": "mailer",
            "purpose": "Remember dark mode",
            "duration": "until_cleared",
            "consent_required": False,
            "exemption": "strictly_necessary",
        }
    ]
    return data


def _locations(node: Any, loc: tuple = ()):
    if loc:
        yield loc
    if isinstance(node, dict | list):
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            yield from _locations(value, (*loc, key))


def _mutated(data: dict[str, Any], loc: tuple, value: Any, remove: bool) -> dict[str, Any]:
    data = copy.deepcopy(data)
    parent = data
    for part in loc[:-1]:
        parent = parent[part]
    if remove:
        del parent[loc[-1]]
    else:
        parent[loc[-1]] = value
    return data


def test_no_shape_of_input_crashes_the_loader(example_path: Path, tmp_path: Path) -> None:
    base = _rich(example_path)
    path = tmp_path / "privacy.yml"
    path.write_text(json.dumps(base), encoding="utf-8")
    load_declaration(path)  # the rich base itself is valid
    tried = 0
    for number, loc in enumerate(_locations(base)):
        for remove, value in ((True, None), (False, OTHER_SHAPES[number % len(OTHER_SHAPES)])):
            path.write_text(json.dumps(_mutated(base, loc, value, remove)), encoding="utf-8")
            tried += 1
            try:
                load_declaration(path)
            except DeclarationError as error:
                assert error.problems, loc
                for problem in error.problems:
                    line = str(problem)
                    assert "\n" not in line and line.startswith(f"{path}:"), line
                    assert problem.line is not None and problem.message, line
    assert tried > 200
