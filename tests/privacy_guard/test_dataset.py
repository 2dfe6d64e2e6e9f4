"""The vendored tracker dataset: lookups, licence, and the refresh script's conversion."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

from privacy_guard import entities, refresh_entities


def test_lookup_by_exact_domain_and_by_suffix():
    assert entities.lookup("fonts.gstatic.com").name == "Google Fonts"
    assert entities.lookup("www.google-analytics.com").category == "analytics"
    assert entities.lookup("google-analytics.com").company == "Google"  # "*.x" covers x itself
    assert entities.lookup("myblog.disqus.com").name == "Disqus"
    assert entities.lookup("example-shop.test") is None


def test_dataset_ships_with_its_licence():
    data_dir = Path(entities.__file__).with_name("data")
    licence = (data_dir / "third-party-web.LICENSE").read_text()
    assert "MIT License" in licence and "Patrick Hulce" in licence
    assert json.loads((data_dir / "entities.json").read_text())["version"]


def _tarball(path: Path, entities_json: list[dict]) -> Path:
    members = {
        "package/package.json": json.dumps({"name": "third-party-web", "version": "9.9.9"}),
        "package/LICENSE": "The MIT License (MIT)\nCopyright (c) 2019 Patrick Hulce\n",
        "package/dist/entities-nostats.json": json.dumps(entities_json),
    }
    with tarfile.open(path, "w:gz") as archive:
        for name, text in members.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_refresh_converts_an_npm_tarball(tmp_path):
    tarball = _tarball(tmp_path / "tpw.tgz", [
        {"name": "Tracker One", "company": "One Inc", "category": "ad",
         "domains": ["*.one.test", "pixel.two.test"]},
        {"name": "Fancy Fonts", "category": "cdn", "domains": ["fonts.fancy.test"]},
    ])  # fmt: skip
    out = tmp_path / "data"
    assert refresh_entities.main(["--tarball", str(tarball), "--data-dir", str(out)]) == 0
    index = entities.EntityIndex(json.loads((out / "entities.json").read_text()))
    assert index.version == "9.9.9"
    assert index.lookup("a.b.one.test") == entities.Entity("Tracker One", "One Inc", "advertising")
    assert index.lookup("pixel.two.test").name == "Tracker One"
    assert index.lookup("other.two.test") is None  # exact entries do not cover subdomains
    assert index.lookup("fonts.fancy.test").category == "fonts"
    assert "MIT" in (out / "third-party-web.LICENSE").read_text()


def test_refresh_reports_a_bad_tarball_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.tgz"
    bad.write_bytes(b"not a tarball")
    assert refresh_entities.main(["--tarball", str(bad), "--data-dir", str(tmp_path)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
