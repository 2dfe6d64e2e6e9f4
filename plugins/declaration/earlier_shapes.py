"""Earlier shapes of declaration fields, converted when a release is read.

A release in content/policy-versions/ is the business's public record of what its
policy said on that day, so it is never edited by hand, not even when a field
changes shape. Reading a release converts each earlier shape to today's, keeping
every fact it stated and inventing none:

- processing[].provision.required: true/false became obligation. "Required" meant
  that people had to give the data to get what they asked for: contract; false: none.
- rights.complaint_procedure was one text; it is now {channels, acknowledge_within,
  details}, and the text is kept as its details.
- controller.represented_by was a list of names; each is now {name, role}, and a
  name alone keeps no role (the notice then says "Represented by", as it did).
- data_categories[].ccpa_category was one value; the model reads one value as a
  list of one, so nothing is converted here.

The current declaration is never converted: its owner states the new facts, and
the loader's messages say which.
"""

from __future__ import annotations

import copy
from typing import Any

from .raw import entries, mapping
from .vocab import Obligation


def current_shape(data: Any) -> Any:
    """`data` (a release's plain YAML data) with every earlier shape converted."""
    if not isinstance(data, dict):
        return data
    data = copy.deepcopy(data)
    for _, entry in entries(data, "processing"):
        provision = entry.get("provision")
        if isinstance(provision, dict) and "obligation" not in provision:
            required = provision.pop("required", None)
            if isinstance(required, bool):
                provision["obligation"] = str(Obligation.CONTRACT if required else Obligation.NONE)
    rights = mapping(data.get("rights"))
    if isinstance(rights.get("complaint_procedure"), str):
        rights["complaint_procedure"] = {"details": rights["complaint_procedure"]}
    controller = mapping(data.get("controller"))
    officers = controller.get("represented_by")
    if isinstance(officers, list):
        controller["represented_by"] = [
            {"name": officer} if isinstance(officer, str) else officer for officer in officers
        ]
    return data
