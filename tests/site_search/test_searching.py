"""Whether a build makes the search is answered alike before and after site_search fills in its
defaults: policy_pages asks before (its plugin comes first), and the privacy policy it checked
then said "no search" while the pages it wrote said "search", so every build built the policy
pages twice."""

from __future__ import annotations

from typing import Any

import pytest
from plugin_support import with_defaults
from site_search.plugin import SETTINGS, searching


@pytest.mark.parametrize(
    "settings",
    [{}, {"SEARCH_ENABLED": False}, {"SEARCH_SERVER": False}, {"SEARCH_ENABLED": True}],
    ids=["defaults", "off", "static hosting", "on"],
)
def test_searching_is_the_same_before_the_defaults_are_filled_in(settings: dict[str, Any]) -> None:
    filled = dict(settings)
    with_defaults(filled, SETTINGS)
    assert searching(settings) is searching(filled)
    assert searching(settings) is (
        settings.get("SEARCH_ENABLED", True) and "SEARCH_SERVER" not in settings
    )
