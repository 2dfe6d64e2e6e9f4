"""Every plugin checks the settings under its prefix as Pelican starts: a near miss of a name is
named with "did you mean", and a value of the wrong kind is one line naming the setting and what
it expects, never a Python error from deep inside the build; the build's last line then says how
many problems are above, in the same words for every plugin.

Each plugin registers with Pelican's signals swapped for fresh ones, and its own `initialized`
receivers are called on a stand-in holding only the mistake: no build, and nothing stays
connected for other tests in this process.
"""

from __future__ import annotations

import importlib
import logging
import weakref
from collections.abc import Callable, Iterator
from types import ModuleType, SimpleNamespace
from typing import Any

import blinker
import pytest
from pelican import signals
from plugin_support import BuildStopped, finalized
from sitebuild import ROOT

PLUGINS = sorted(path.parent.name for path in (ROOT / "plugins").glob("*/plugin.py"))
Initialize = Callable[[dict[str, Any]], None]
# Plugins whose glue does not declare SETTINGS yet, and who moves them.
NOT_YET: dict[str, str] = {}


@pytest.fixture
def fresh_signals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pelican's signals, plugin_support's finalized steps and blinker's named signals, empty."""
    for name, value in vars(signals).items():
        if isinstance(value, blinker.Signal):
            monkeypatch.setattr(signals, name, blinker.Signal())
    monkeypatch.setattr(finalized, "_receivers", {step: [] for step in finalized.STEPS})
    named = blinker.Namespace()
    monkeypatch.setattr(blinker, "signal", named.signal)


def start(plugin: str, request: pytest.FixtureRequest) -> tuple[ModuleType, Initialize]:
    """The plugin's glue, and Pelican's start as the plugin sees it, on the given settings."""
    # Imported before the swap: a signal the module makes as it loads stays the real one.
    glue = importlib.import_module(f"{plugin}.plugin")
    request.getfixturevalue("fresh_signals")
    glue.register()
    receivers = list(_receivers(signals.initialized))

    def initialize(settings: dict[str, Any]) -> None:
        pelican = SimpleNamespace(settings=settings)
        for receiver in receivers:
            receiver(pelican)

    return glue, initialize


def _receivers(signal: blinker.Signal) -> Iterator[Callable[..., Any]]:
    """In the order they were connected (the settings check comes first in every plugin)."""
    for receiver in signal.receivers.values():
        yield receiver() if isinstance(receiver, weakref.ref) else receiver


def near_miss(names: list[str]) -> tuple[str, str]:
    """A setting's name with its last letter dropped (SHARE_LINK, HASHED_ASSET), and the name."""
    for name in names:
        if name[:-1] not in names:
            return name[:-1], name
    raise AssertionError(f"no near miss of {names}")


@pytest.mark.parametrize("plugin", PLUGINS)
def test_a_mistyped_setting_is_named_with_did_you_mean(
    plugin: str, request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> None:
    glue, initialize = start(plugin, request)
    if not hasattr(glue, "SETTINGS") and plugin in NOT_YET:
        pytest.skip(f"{plugin}: {NOT_YET[plugin]}")
    assert hasattr(glue, "SETTINGS"), f"{plugin}/plugin.py declares no SETTINGS"
    typo, meant = near_miss(list(glue.SETTINGS))
    with caplog.at_level(logging.ERROR), pytest.raises(BuildStopped) as stopped:
        initialize({typo: True})
    [line] = [record.getMessage() for record in caplog.records]
    assert line.endswith(f"{typo}: unknown setting; did you mean {meant}?"), line
    # The build's last line, in the same words for every plugin.
    assert str(stopped.value) == f"{plugin}: 1 problem above to correct"


@pytest.mark.parametrize(
    ("plugin", "name", "value", "expected"),
    [
        ("share", "SHARE_LINKS", 5, 'a list of names, e.g. ["email", "mastodon"]'),
        ("share", "SHARE_SERVICES", [1], '{"key": ("Label", "https://...?u={url}")}'),
        ("share", "SHARE_DEFAULT_IMAGE", 5, 'a site path, e.g. "images/shop.jpg"'),
        ("hashed_assets", "HASHED_ASSETS", "yes", "True or False"),
        ("embeds", "EMBEDS_ENABLED", "yes", "True or False"),
        ("languages", "LANGUAGES_DECLARATION", 5, 'a path as text, e.g. "content/privacy.yml"'),
    ],
)
def test_a_value_of_the_wrong_kind_is_one_line_naming_the_setting(
    plugin: str,
    name: str,
    value: object,
    expected: str,
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _, initialize = start(plugin, request)
    with caplog.at_level(logging.ERROR), pytest.raises(BuildStopped):
        initialize({name: value})
    [line] = [record.getMessage() for record in caplog.records]
    assert line.startswith(f"{name}: expected {expected}"), line
    assert line.endswith("; correct it in the settings file"), line
