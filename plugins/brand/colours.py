"""The palette's plain values, apart from the colour science (palette.py, ColorAide), so a
build whose palette is cached (brand/plugin.py) never imports ColorAide: it costs 0.2 s to
import, more than everything else the brand does."""

from __future__ import annotations

from dataclasses import asdict, dataclass

DEFAULT_ACCENT = "#0b4f9c"

# The neutral colours of each scheme; the accent tints the surfaces and rules.
NEUTRALS = {
    "light": {"bg": "#ffffff", "fg": "#1f2328", "muted": "#555d66", "focus": "#b3261e"},
    "dark": {"bg": "#121417", "fg": "#e7e9ec", "muted": "#a9b1ba", "focus": "#ffb4a9"},
}


class ContrastError(ValueError):
    """An accent colour that fails WCAG 2.1 AA; `problems` name it and a colour that passes."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Palette:
    """The custom properties of both schemes, ready for the stylesheet."""

    light: dict[str, str]
    dark: dict[str, str]

    def as_dict(self) -> dict[str, dict[str, str]]:
        return asdict(self)

    def css(self) -> str:
        def block(colours: dict[str, str]) -> str:
            return "".join(f"--{name}:{value};" for name, value in colours.items())

        return (
            f":root{{{block(self.light)}}}\n"
            f"@media (prefers-color-scheme: dark){{:root{{{block(self.dark)}}}}}\n"
        )
