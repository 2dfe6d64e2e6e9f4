"""Where the prose of a declaration is: the values of fields marked Translatable in the model.

Walking the raw data beside the model's field types finds every text that is written per
language, wherever the model nests it, so no list of such fields is kept by hand.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .errors import Loc
from .scalars import Translatable


def values_of_prose(data: Any, model: type[BaseModel]) -> Iterator[tuple[Loc, Any]]:
    """(path, value as written) of every prose value in the raw `data`, in file order; a value
    that is one of its field's keywords (sources: data_subject) is no prose and is skipped."""
    yield from _walk(model, (), data, ())


def _walk(annotation: Any, metadata: tuple[Any, ...], value: Any, loc: Loc) -> Iterator[Any]:
    if get_origin(annotation) is Annotated:
        inner, *extra = get_args(annotation)
        yield from _walk(inner, (*metadata, *extra), value, loc)
        return
    marker = next((m for m in metadata if isinstance(m, Translatable)), None)
    if marker is not None:
        keyword = isinstance(value, str) and value.strip() in marker.keywords
        if value is not None and not keyword:  # null: not given
            yield loc, value
        return
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        for option in get_args(annotation):
            if option is not type(None):
                yield from _walk(option, metadata, value, loc)
    elif origin is tuple and isinstance(value, list):
        item = get_args(annotation)[0]
        for index, entry in enumerate(value):
            yield from _walk(item, (), entry, (*loc, index))
    elif _is_model(annotation) and isinstance(value, dict):
        for name, field in annotation.model_fields.items():
            key = field.alias or name
            if key in value:
                yield from _walk(field.annotation, tuple(field.metadata), value[key], (*loc, key))


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def put(data: Any, loc: Loc, value: Any) -> None:
    """Set the value at `loc` of nested mappings and lists `data` (which has that place)."""
    parent = data
    for part in loc[:-1]:
        parent = parent[part]
    parent[loc[-1]] = value
