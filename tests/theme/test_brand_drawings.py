"""An SVG logo is drawn once (plugins/brand): a build that finds its drawing in the cache uses
it and never imports CairoSVG, and the pixels are the same as a fresh drawing's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from florist import FLORIST_SITE
from sitebuild import ROOT

READ = """
import hashlib, json, sys
from pathlib import Path
from brand.icons import read_logo
logo = read_logo(Path(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"size": [logo.width, logo.height], "cairosvg": "cairosvg" in sys.modules,
                  "pixels": hashlib.sha256(logo.pixels.tobytes()).hexdigest()}))
"""


def read_in_a_new_process(logo: Path, drawings: Path) -> dict[str, object]:
    command = [sys.executable, "-c", READ, str(logo), str(drawings)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_an_svg_logo_is_drawn_once_and_read_back_without_cairosvg(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_bytes((FLORIST_SITE / "images" / "logo.svg").read_bytes())
    drawn = read_in_a_new_process(logo, tmp_path / "drawings")
    assert drawn["cairosvg"] is True and len(list((tmp_path / "drawings").iterdir())) == 1
    kept = read_in_a_new_process(logo, tmp_path / "drawings")
    assert kept["cairosvg"] is False
    assert kept["size"] == drawn["size"] == [220, 56]
    assert kept["pixels"] == drawn["pixels"]
    logo.write_bytes(logo.read_bytes().replace(b"</svg>", b"<!-- new --></svg>"))
    assert read_in_a_new_process(logo, tmp_path / "drawings")["cairosvg"] is True  # drawn anew
