"""The picture cache (plugins/pictures) shared by several builds: each set of encoding settings
keeps its own variants, and a picture another build is encoding is waited for, not encoded twice.
"""

from __future__ import annotations

import fcntl
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pictures.variants import LOCK, Encoding, VariantCache, encode
from PIL import Image

SMALL = Encoding(widths=(16, 32))


def small_picture(path: Path) -> Path:
    Image.new("RGB", (48, 30), (200, 40, 90)).save(path, "JPEG")
    return path


def mtimes(cache: VariantCache, folder: str, names: list[str]) -> dict[str, int]:
    return {name: (cache.folder / folder / name).stat().st_mtime_ns for name in names}


def test_each_encoding_keeps_its_own_variants_in_a_shared_cache(tmp_path: Path) -> None:
    source = small_picture(tmp_path / "rose.jpg")
    first = VariantCache(tmp_path / "shared", SMALL).pictures([source])[0][source]
    other = VariantCache(tmp_path / "shared", Encoding(widths=(24,))).pictures([source])[0][source]
    assert [v.width for v in first.variants["webp"]] == [16, 32]
    assert [v.width for v in other.variants["webp"]] == [24]
    before = mtimes(VariantCache(tmp_path / "shared", SMALL), first.folder, first.files())
    again = VariantCache(tmp_path / "shared", SMALL).pictures([source])[0][source]
    assert again == first
    assert mtimes(VariantCache(tmp_path / "shared", SMALL), first.folder, first.files()) == before


def waits_on(lock: Path, timeout: float = 30.0) -> None:
    """Return once some process or thread waits for the lock on `lock` (Linux /proc/locks
    marks a waiter with "->"), so the test knows the build reached the lock."""
    inode = f":{os.stat(lock).st_ino} "
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = Path("/proc/locks").read_text(encoding="ascii").splitlines()
        if any("->" in line and inode in line for line in waiting):
            return
        time.sleep(0.01)
    raise AssertionError(f"nothing waited for {lock}")


def test_a_picture_another_build_is_encoding_is_waited_for_not_encoded_again(
    tmp_path: Path,
) -> None:
    source = small_picture(tmp_path / "tulip.jpg")
    cache = VariantCache(tmp_path / "shared", SMALL)
    key = cache.key_of(source)
    folder = cache.folder / key
    folder.mkdir(parents=True)
    with open(folder / LOCK, "ab") as held, ThreadPoolExecutor(1) as pool:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # another build is encoding the picture
        waiting = pool.submit(VariantCache(tmp_path / "shared", SMALL).pictures, [source])
        waits_on(folder / LOCK)
        made = encode(source, folder, key, SMALL)  # what the other build writes
        before = {name: (folder / name).stat().st_ino for name in made.files()}
        fcntl.flock(held.fileno(), fcntl.LOCK_UN)
        found, failed = waiting.result(timeout=60)
    assert failed == {} and found[source] == made
    assert {name: (folder / name).stat().st_ino for name in made.files()} == before
