"""Refresh the vendored tracker dataset from the npm package `third-party-web`.

Run by a maintainer, never by a build or a test run:

    python -m privacy_guard.refresh_entities            # npm pack the latest release
    python -m privacy_guard.refresh_entities --tarball third-party-web-0.30.0.tgz

It writes `data/entities.json` (a compact domain -> entity map) and
`data/third-party-web.LICENSE` (the MIT licence the data comes under).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
PACKAGE = "third-party-web"
ENTITIES_MEMBER = "package/dist/entities-nostats.json"
LICENSE_MEMBER = "package/LICENSE"
PACKAGE_JSON_MEMBER = "package/package.json"

# Upstream category slugs -> the words the report shows.
CATEGORY_NAMES = {
    "ad": "advertising",
    "analytics": "analytics",
    "social": "social",
    "tag-manager": "tag manager",
    "cdn": "CDN",
    "video": "video",
    "hosting": "hosting",
    "utility": "utility",
    "content": "content",
    "marketing": "marketing",
    "customer-success": "customer success",
    "consent-provider": "consent provider",
    "other": "other",
}


def compact(entities: list[dict], version: str) -> dict:
    """Reduce upstream entities to what a lookup needs: name, company, category, domains."""
    rows: list[list[str]] = []
    exact: dict[str, int] = {}
    suffix: dict[str, int] = {}
    for entity in entities:
        name = entity["name"]
        category = CATEGORY_NAMES.get(entity.get("category", "other"), "other")
        if "font" in name.lower():
            category = "fonts"  # upstream files font services under cdn
        index = len(rows)
        rows.append([name, entity.get("company") or name, category])
        for domain in entity.get("domains", []):
            domain = domain.strip().lower()
            if domain.startswith("*."):
                suffix.setdefault(domain[2:], index)
            elif domain:
                exact.setdefault(domain, index)
    return {
        "source": f"npm:{PACKAGE}@{version} (dist/entities-nostats.json), MIT licence",
        "version": version,
        "entities": rows,
        "exact": dict(sorted(exact.items())),
        "suffix": dict(sorted(suffix.items())),
    }


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    """The bytes of one file in the tarball (KeyError when the package no longer ships it)."""
    handle = archive.extractfile(name)
    if handle is None:
        raise KeyError(f"{name} is not a file in the package")
    return handle.read()


def convert(tarball: Path, data_dir: Path = DATA_DIR) -> str:
    """Write the compact dataset and the licence from an npm tarball; return the version."""
    with tarfile.open(tarball, "r:gz") as archive:
        version = json.loads(_member(archive, PACKAGE_JSON_MEMBER))["version"]
        entities = json.loads(_member(archive, ENTITIES_MEMBER))
        licence = _member(archive, LICENSE_MEMBER)
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / "entities.json"
    partial = target.with_suffix(".json.partial")
    partial.write_text(json.dumps(compact(entities, version), separators=(",", ":")) + "\n")
    partial.replace(target)
    (data_dir / "third-party-web.LICENSE").write_bytes(licence)
    return version


def npm_pack(destination: Path) -> Path:
    """Fetch the latest release tarball with the ordinary npm client."""
    done = subprocess.run(
        ["npm", "pack", PACKAGE, "--pack-destination", str(destination)],
        capture_output=True,
        text=True,
        check=True,
    )
    return destination / done.stdout.strip().splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="convert this npm tarball instead")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.tarball:
            version = convert(args.tarball, args.data_dir)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                version = convert(npm_pack(Path(tmp)), args.data_dir)
    except (OSError, KeyError, ValueError, tarfile.TarError, subprocess.CalledProcessError) as e:
        print(f"refresh_entities: {e}", file=sys.stderr)
        return 2
    print(f"third-party-web {version} written to {args.data_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
