"""Compiled templates shared between builds: an edit is compiled again, other options never meet.

fast_build keeps every Jinja environment's compiled templates in one folder (template_cache.py);
Jinja alone would know them by name, file and source, and hand code compiled with one set of
options to an environment with another.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fast_build.fingerprint import Fingerprinter
from fast_build.template_cache import TemplateCache
from jinja2 import Environment, FileSystemLoader, TemplateSyntaxError, pass_context
from jinja2.runtime import Context
from pelican.settings import DEFAULT_CONFIG
from sitebuild import ROOT, run_build

SOURCE = '{% if true %}\n  <p>{{ "<b>" }} {{ "hi"|shout }} {{ none }}</p>\n{% endif %}\n'
TRANSLATED = "{% trans %}\n  Hello\n  world\n{% endtrans %}\n"


def shout(value: str) -> str:
    return value.upper()


@pass_context
def shout_in_context(context: Context, value: str) -> str:
    return f"{value.upper()} ({context.name})"


def i18n(trimmed: bool) -> Callable[[Environment], None]:
    def install(environment: Environment) -> None:
        environment.add_extension("jinja2.ext.i18n")
        environment.policies["ext.i18n.trimmed"] = trimmed
        environment.install_null_translations(newstyle=True)  # type: ignore[attr-defined]

    return install


# Each changes the code Jinja compiles from the same template file.
VARIANTS: dict[str, tuple[str, dict[str, object], Callable[[Environment], None] | None]] = {
    "default": ("page.html", {}, None),
    "whitespace": ("page.html", {"trim_blocks": True, "lstrip_blocks": True}, None),
    "autoescape": ("page.html", {"autoescape": True}, None),
    "finalize": ("page.html", {"finalize": lambda value: "" if value is None else value}, None),
    "filter arguments": (
        "page.html",
        {},
        lambda environment: environment.filters.update(shout=shout_in_context),
    ),
    "i18n trimmed": ("translated.html", {}, i18n(trimmed=True)),
    "i18n untrimmed": ("translated.html", {}, i18n(trimmed=False)),
}


def render(folder: Path, variant: str, cache: TemplateCache | None) -> str:
    name, options, setup = VARIANTS[variant]
    environment = Environment(
        loader=FileSystemLoader(folder),
        bytecode_cache=cache,
        **options,  # type: ignore[arg-type]
    )
    environment.filters["shout"] = shout
    if setup is not None:
        setup(environment)
    return environment.get_template(name).render()


def cache_files(folder: Path) -> dict[str, int]:
    """Each compiled template's file and inode (Jinja writes a new file and renames it)."""
    return {path.name: path.stat().st_ino for path in folder.glob("*.jinja")}


def test_environments_with_other_options_never_load_each_others_code(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text(SOURCE, encoding="utf-8")
    (templates / "translated.html").write_text(TRANSLATED, encoding="utf-8")
    folder = tmp_path / "compiled"
    expected = {variant: render(templates, variant, None) for variant in VARIANTS}
    assert len(set(expected.values())) == len(VARIANTS)  # each variant shows in the page

    first = {variant: render(templates, variant, TemplateCache(folder)) for variant in VARIANTS}
    compiled = cache_files(folder)
    # Another build, in the other order: every environment loads its own code from the folder.
    again = {
        variant: render(templates, variant, TemplateCache(folder)) for variant in reversed(VARIANTS)
    }

    assert first == expected and again == expected
    assert len(compiled) == len(VARIANTS)
    assert cache_files(folder) == compiled  # loaded, not compiled and written again


def test_a_theme_template_edited_between_builds_is_compiled_again(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    folder = tmp_path / "compiled"
    overrides = {"THEME": str(theme), "FAST_BUILD_TEMPLATE_CACHE": str(folder)}
    first = run_build(tmp_path / "first", overrides=overrides)
    assert first.returncode == 0, first.log
    before = cache_files(folder)
    assert before

    base = theme / "templates" / "base.html"
    base.write_text(
        base.read_text("utf-8").replace("</body>", "<!-- edited between builds -->\n</body>"),
        encoding="utf-8",
    )
    edited = run_build(tmp_path / "edited", overrides=overrides)
    assert edited.returncode == 0, edited.log
    page = edited.file_for("/").read_text(encoding="utf-8")
    assert "<!-- edited between builds -->" in page
    after = cache_files(folder)
    assert after.keys() == before.keys()
    assert len([name for name in after if after[name] != before[name]]) == 1  # base.html alone

    # Other Jinja options, the same folder: compiled anew, beside the first options' code.
    untrimmed = {**overrides, "JINJA_ENVIRONMENT": {"trim_blocks": False, "lstrip_blocks": False}}
    other = run_build(tmp_path / "other", overrides=untrimmed)
    assert other.returncode == 0, other.log
    other_page = other.file_for("/").read_text(encoding="utf-8")
    assert "<!-- edited between builds -->" in other_page
    assert other_page != page  # the blank lines the trimmed code leaves out
    both = cache_files(folder)
    assert len(both) == 2 * len(after)
    assert {name: both[name] for name in after} == after


def test_what_a_template_reads_is_worked_out_again_when_its_source_changes(
    tmp_path: Path,
) -> None:
    """fast_build's analysis of a template is kept beside its code, keyed by its source."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text('{% include "part.html" %}', encoding="utf-8")
    part = templates / "part.html"  # parsed by the fingerprint first, compiled when rendered
    folder = tmp_path / "compiled"

    def fingerprint(**context: object) -> bytes | None:
        """A new build's: a new environment and fingerprinter, the same folder."""
        cache = TemplateCache(folder)
        environment = Environment(loader=FileSystemLoader(templates), bytecode_cache=cache)
        return Fingerprinter(DEFAULT_CONFIG).page(environment.get_template("page.html"), context)

    part.write_text("{{ title }}", encoding="utf-8")
    assert fingerprint(title="a", other="x") != fingerprint(title="b", other="x")
    assert fingerprint(title="a", other="x") == fingerprint(title="a", other="y")
    assert len(list(folder.glob("*.analysis"))) == 2

    part.write_text("{{ other }}", encoding="utf-8")
    assert fingerprint(title="a", other="x") != fingerprint(title="a", other="y")
    assert fingerprint(title="a", other="x") == fingerprint(title="b", other="x")
    assert len(list(folder.glob("*.analysis"))) == 3

    part.write_text("{{ other }\n", encoding="utf-8")
    with pytest.raises(TemplateSyntaxError) as error:
        fingerprint()
    assert error.value.filename == str(part)
