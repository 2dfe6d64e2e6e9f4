"""Shared helpers of the declaration tests: the example declaration and a way to edit it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# A verbatim copy of shared/declaration-example.yml, so the tests need nothing outside the repo.
EXAMPLE = HERE / "fixtures" / "declaration-example.yml"
SITE_DECLARATION = ROOT / "tests" / "sites" / "example-shop" / "privacy.yml"

Edit = tuple[str, str]


def edited(text: str, edits: list[Edit]) -> str:
    """`text` with each (old, new) replacement made; `old` must occur exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, f"edit target must occur once: {old!r}"
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def site_declaration_path() -> Path:
    return SITE_DECLARATION


@pytest.fixture
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def write_declaration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_text: str
) -> Callable[..., Path]:
    """Write an edited example to content/privacy.yml in a fresh folder and return that path.

    The working folder becomes the temporary folder, so messages name the file exactly as an
    owner sees it: content/privacy.yml.
    """
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()

    def write(*edits: Edit, text: str | None = None) -> Path:
        path = Path("content/privacy.yml")
        path.write_text(edited(example_text if text is None else text, list(edits)), "utf-8")
        return path

    return write
