"""Turn pydantic's validation errors into our one-line messages.

Scalar types already speak for themselves (see scalars.py). What remains are
the structural errors: a missing key, an unknown key, a list where a mapping
belongs. For those the model is consulted, so a missing key is explained by
its field description and an unknown key gets the keys allowed in its place.
"""

from __future__ import annotations

import re
import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .errors import Loc, closest, quoted
from .scalars import UNTRANSLATED


def misspelt(error: ValidationError, root: type[BaseModel]) -> set[Loc]:
    """The paths of known keys that unknown keys most likely stand for (legal_from: legal_form),
    so that no check also reports them as missing."""
    found = (_misspelt(item, root) for item in error.errors(include_url=False))
    return {loc for loc in found if loc is not None}


def translate(error: ValidationError, root: type[BaseModel]) -> list[tuple[Loc, str]]:
    """(path, message) for each error, in our words."""
    errors = error.errors(include_url=False)
    meant = misspelt(error, root)
    found = []
    for item in errors:
        loc: Loc = tuple(item["loc"])
        if item["type"] == "missing" and loc in meant:
            continue  # the unknown key next to it is this one, misspelt: one message is enough
        if item["type"] == "too_short" and item.get("input"):
            continue  # pydantic counts only valid entries: each invalid one is reported already
        if item["type"] == UNTRANSLATED:
            continue  # translations.py names the missing or wrong text at its own key
        found.append((loc, _message(item, loc, root)))
    return found


def _misspelt(item: ErrorDetails, root: type[BaseModel]) -> Loc | None:
    """For an unknown key that is a typo of a known one, the path of the key it stands for."""
    if item["type"] != "extra_forbidden":
        return None
    loc = tuple(item["loc"])
    names = tuple(part for part in loc if isinstance(part, str))
    if names[-2:] in _RESHAPED:
        return (*loc[:-1], _RESHAPED[names[-2:]][0])
    guess = closest(str(loc[-1]), _keys(root, loc[:-1]))
    return (*loc[:-1], guess) if guess else None


# Keys whose shape changed: what an owner who still writes the old shape must write now.
_RESHAPED: dict[tuple[str, ...], tuple[str, str]] = {
    ("provision", "required"): (
        "obligation",
        "replaced by obligation: none (giving the data is up to people), contract (needed to "
        "make or carry out a contract with them) or statute (a law requires it); write "
        "obligation: instead of required:",
    ),
}


def _message(item: ErrorDetails, loc: Loc, root: type[BaseModel]) -> str:
    kind, value = item["type"], item.get("input")
    if kind == "discreet":
        return item["ctx"]["message"]
    names = tuple(part for part in loc if isinstance(part, str))
    if kind == "extra_forbidden" and names[-2:] in _RESHAPED:
        return _RESHAPED[names[-2:]][1]
    if kind == "missing":
        field = _field(root, loc)
        what = _first_sentence(field.description) if field and field.description else ""
        return f"missing; add {loc[-1]}:" + (f" ({what})" if what else "")
    if kind == "extra_forbidden":
        return _unknown_key(str(loc[-1]), _keys(root, loc[:-1]))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        keys = _required_keys(root, loc) or _keys(root, loc)
        if isinstance(value, str) and "name" in keys:
            rest = "".join(f", {key}: ..." for key in _keys(root, loc) if key != "name")
            return f"expected a mapping like {{name: {value}{rest}}}, got {quoted(value)}"
        return "expected a mapping like {" + ", ".join(keys) + f"}}, got {quoted(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {quoted(value)}; " + _list_hint(value, root, loc)
    if kind == "too_short":
        return "is empty; list at least one entry"
    return f"invalid value {quoted(value)}: {item['msg'].lower()}"


def _list_hint(value: Any, root: type[BaseModel], loc: Loc) -> str:
    field = _field(root, loc)
    if field is not None and _is_model(_item_type(field.annotation)):
        return "write one entry per line, each starting with - "
    if isinstance(value, str | int) and not isinstance(value, bool):
        return f"write [{value}]"
    return "write [] for none"


def _unknown_key(key: str, allowed: list[str]) -> str:
    if not allowed:
        return "unknown key; remove it"
    guess = closest(key, allowed)
    listing = "keys allowed here: " + ", ".join(allowed)
    if guess:
        return f"unknown key; did you mean {guess}? ({listing})"
    return f"unknown key; remove it ({listing})"


def _first_sentence(text: str) -> str:
    return re.split(r"(?<!e\.g)(?<!i\.e)\. ", text)[0].rstrip(".")


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the value at `loc`."""
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            current = _item_type(current)
        elif _is_model(current):
            field = _by_key(current).get(part)
            current = field.annotation if field else None
        else:
            return None
        current = _strip(current)
    return current if _is_model(current) else None


def _field(root: type[BaseModel], loc: Loc) -> FieldInfo | None:
    parent = _model_at(root, loc[:-1])
    return _by_key(parent).get(str(loc[-1])) if parent else None


def _keys(root: type[BaseModel], loc: Loc) -> list[str]:
    model = _model_at(root, loc)
    return list(_by_key(model)) if model else []


def _required_keys(root: type[BaseModel], loc: Loc) -> list[str]:
    model = _model_at(root, loc)
    if model is None:
        return []
    return [key for key, field in _by_key(model).items() if field.is_required()]


def _by_key(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """Fields by the key written in the file (the alias where there is one)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _strip(annotation: Any) -> Any:
    """`X | None` -> X, so that nesting can be followed."""
    if get_origin(annotation) in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return _strip(options[0]) if len(options) == 1 else annotation
    return annotation


def _item_type(annotation: Any) -> Any:
    args = get_args(_strip(annotation))
    return args[0] if args else None


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)
