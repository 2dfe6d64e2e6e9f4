"""Responsive variants of one picture: AVIF and WebP at several widths, with a JPEG or PNG
fallback for browsers that read neither, encoded by Pillow once and kept in a cache.

The cache is keyed by the picture's bytes and the encoding settings, so a rebuild, a fresh
output folder or a renamed file costs a copy, not an encode (AVIF is slow to write). Variants
carry no metadata: the camera's EXIF, and with it a phone photo's GPS position, stays behind,
and the orientation it recorded is applied to the pixels first. No Pelican here.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from plugin_support import DiscreetError

if TYPE_CHECKING:  # Pillow is imported when a picture is made: a site without any pays nothing
    from PIL import Image

ENGINE_VERSION = 1  # change it when the encoding changes what it writes: old entries are redone
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
SUFFIX = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}
# Pillow's format names of the pictures made into variants; others (GIF, SVG) stay as they are.
SOURCE_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "jpeg", "AVIF": "jpeg", "MPO": "jpeg"}
META = "picture.json"
INDEX = "index.json"
LOCK = ".lock"  # in a picture's folder: held while its variants are made


class PictureError(DiscreetError):
    """A picture that cannot be made into variants; the message names the file."""


@dataclass(frozen=True)
class Encoding:
    """How variants are made; part of every cache key.

    Each picture is encoded once and then served to every reader, so each encoder is set where
    more time still buys clearly smaller files, and no further: libavif's speed 8 (9 writes
    clearly larger files; 7 and below take far longer for little), WebP's method 4 (Pillow's
    default; 6 takes longer for next to nothing) and an optimised progressive JPEG."""

    widths: tuple[int, ...] = (480, 800, 1200, 1600)
    formats: tuple[str, ...] = ("avif", "webp")  # before the fallback, best first
    quality: dict[str, int] = field(
        default_factory=lambda: {"avif": 55, "webp": 75, "jpeg": 80, "png": 0}
    )
    avif_speed: int = 8  # libavif's 0 (slowest, smallest) to 10

    def key(self) -> bytes:
        from PIL import features

        versions = {name: features.version(name) for name in ("avif", "webp")}
        settings = {**asdict(self), "engine": ENGINE_VERSION, "codecs": versions}
        return json.dumps(settings, sort_keys=True).encode()


@dataclass(frozen=True)
class Variant:
    file: str  # name inside the picture's folder
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """The variants of one picture, in the folder named `folder` (its cache key)."""

    folder: str
    width: int  # the source's size, after its recorded orientation
    height: int
    fallback: str  # "jpeg" or "png"
    variants: dict[str, tuple[Variant, ...]]  # by format, widest last

    def files(self) -> list[str]:
        return [v.file for chosen in self.variants.values() for v in chosen]

    def largest(self, kind: str, at_most: int | None = None) -> Variant:
        """The widest variant of `kind`, or the widest not wider than `at_most`."""
        chosen = self.variants[kind]
        fitting = [v for v in chosen if at_most is None or v.width <= at_most]
        return (fitting or list(chosen[:1]))[-1]

    def as_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Picture:
        raw = json.loads(text)
        kinds = sorted(raw["variants"], key=list(MIME).index)  # best first, as browsers try them
        variants = {kind: tuple(Variant(**v) for v in raw["variants"][kind]) for kind in kinds}
        return cls(raw["folder"], raw["width"], raw["height"], raw["fallback"], variants)


def avif_missing() -> str | None:
    """Why this Pillow cannot write AVIF, or None (Pillow 11.3+ wheels include libavif)."""
    from PIL import features

    if features.check("avif"):
        return None
    return "this Pillow cannot write AVIF; install Pillow 11.3 or later (pip install -U pillow)"


class VariantCache:
    """Variants in `folder` (CACHE_PATH/pictures), one sub-folder per picture and encoding."""

    def __init__(self, folder: Path, encoding: Encoding | None = None) -> None:
        self.folder = Path(folder)
        self.encoding = encoding or Encoding()
        self._settings_key = self.encoding.key()
        self._settings_digest = hashlib.blake2b(self._settings_key, digest_size=6).hexdigest()
        # "settings|path|size|mtime" -> key: no hashing of old files
        self._index: dict[str, str] = _read_index(self.folder)
        self._index_changed = False

    def key_of(self, source: Path) -> str:
        stat = source.stat()
        memo = f"{self._settings_digest}|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
        key = self._index.get(memo)
        if key is None:
            hasher = hashlib.blake2b(self._settings_key, digest_size=10)
            with source.open("rb") as stream:
                for block in iter(lambda: stream.read(1 << 20), b""):
                    hasher.update(block)
            key = hasher.hexdigest()
            self._index[memo] = key
            self._index_changed = True
        return key

    def pictures(
        self, sources: Iterable[Path], workers: int | None = None
    ) -> tuple[dict[Path, Picture], dict[Path, str]]:
        """The variants of every source, encoding (in parallel) those the cache lacks; and, for
        each source that cannot be made into variants, why (one line naming it)."""
        found: dict[Path, Picture] = {}
        failed: dict[Path, str] = {}
        missing: dict[str, Path] = {}
        keys: dict[Path, str] = {}
        for source in dict.fromkeys(sources):
            try:
                keys[source] = key = self.key_of(source)
            except OSError as error:
                failed[source] = f"{source}: cannot read it ({error.strerror})"
                continue
            if self._cached(key) is None:
                missing.setdefault(key, source)
        problems: dict[str, str] = {}
        if missing:
            jobs = [(source, self.folder / key, key, self.encoding)
                    for key, source in missing.items()]  # fmt: skip
            if len(jobs) == 1 or (workers or os.cpu_count() or 1) == 1:
                outcomes = [_encode_job(job) for job in jobs]
            else:
                with ProcessPoolExecutor(max_workers=workers) as pool:
                    outcomes = list(pool.map(_encode_job, jobs))
            problems = {job[2]: outcome for job, outcome in zip(jobs, outcomes, strict=True)
                        if outcome}  # fmt: skip
        for source, key in keys.items():
            picture = self._cached(key)
            if picture is not None:
                found[source] = picture
            else:
                failed[source] = problems.get(key) or f"{source}: its variants were not written"
        self._save_index()
        return found, failed

    def publish(self, picture: Picture, destination: Path) -> None:
        """Put the picture's variants into `destination`/<folder>/: a hard link where the file
        system allows (no copy of the bytes), else a copy."""
        target = destination / picture.folder
        target.mkdir(parents=True, exist_ok=True)
        for name in picture.files():
            source = self.folder / picture.folder / name
            final = target / name
            if final.exists():  # from an earlier build: vouched for (strict-build's sweep)
                there = final.stat()
                os.utime(final, ns=(there.st_atime_ns, there.st_mtime_ns))
                continue
            try:
                os.link(source, final)
            except OSError:
                shutil.copyfile(source, final)

    def _cached(self, key: str) -> Picture | None:
        try:
            return Picture.from_json((self.folder / key / META).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _save_index(self) -> None:
        if not self._index_changed:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self._index = {**_read_index(self.folder), **self._index}  # another build's entries too
        temporary = self.folder / f".{INDEX}.{os.getpid()}"
        temporary.write_text(json.dumps(self._index, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.folder / INDEX)
        self._index_changed = False


def _read_index(folder: Path) -> dict[str, str]:
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return index if isinstance(index, dict) else {}


def _encode_job(job: tuple[Path, Path, str, Encoding]) -> str | None:
    """Encode one picture (in a worker process) unless another build sharing the cache made it
    meanwhile; the problem's one line, or None."""
    source, folder = job[0], job[1]
    try:
        with _made_alone(folder):
            if not (folder / META).is_file():
                encode(*job)
    except PictureError as error:
        return str(error)
    except OSError as error:
        return f"{source}: cannot write its variants into {folder} ({error.strerror or error})"
    return None


@contextlib.contextmanager
def _made_alone(folder: Path) -> Iterator[None]:
    """Hold the picture's lock: builds that share the cache (several sites, or a test session)
    wait for the one encoding it instead of encoding it too. The operating system's lock ends
    with its process, however it ends."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "ab") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        yield


def encode(source: Path, folder: Path, key: str, encoding: Encoding) -> Picture:
    """Write every variant of `source` into `folder`, its description last (so a half-written
    folder is never taken for a whole one)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(source) as opened:
            kind = SOURCE_FORMATS.get(opened.format or "")
            if kind is None:
                raise PictureError(
                    f"{source}: a {opened.format} picture; variants are made of JPEG, PNG, "
                    "WebP and AVIF pictures"
                )
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise PictureError(f"{source}: not a picture Pillow can read ({error})") from error
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    fallback = "png" if has_alpha or kind == "png" else "jpeg"
    stem = _stem(source)
    widths = sorted({w for w in encoding.widths if w < image.width} |
                    {min(image.width, max(encoding.widths))})  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    kinds = (*encoding.formats, fallback)
    made: dict[str, list[Variant]] = {kind_out: [] for kind_out in kinds}
    for width in widths:  # each width scaled once, then written in every format
        height = max(1, round(image.height * width / image.width))
        scaled = image if width == image.width else image.resize(
            (width, height), Image.Resampling.LANCZOS
        )  # fmt: skip
        for kind_out in kinds:
            name = f"{stem}-{width}.{SUFFIX[kind_out]}"
            _write(scaled, folder / name, kind_out, encoding)
            made[kind_out].append(Variant(name, width, height))
    variants = {kind_out: tuple(chosen) for kind_out, chosen in made.items()}
    picture = Picture(key, image.width, image.height, fallback, variants)
    temporary = folder / f".{META}.{os.getpid()}"
    temporary.write_text(picture.as_json(), encoding="utf-8")
    os.replace(temporary, folder / META)
    return picture


def _write(image: Image.Image, path: Path, kind: str, encoding: Encoding) -> None:
    stream = io.BytesIO()
    quality = encoding.quality.get(kind, 80)
    if kind == "avif":
        image.save(stream, "AVIF", quality=quality, speed=encoding.avif_speed)
    elif kind == "webp":
        image.save(stream, "WEBP", quality=quality, method=4)
    elif kind == "jpeg":
        image.save(stream, "JPEG", quality=quality, optimize=True, progressive=True)
    else:
        image.save(stream, "PNG", optimize=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(stream.getvalue())
    os.replace(temporary, path)


def _stem(source: Path) -> str:
    """A file name part that is safe in any URL: letters, digits and dashes."""
    return re.sub(r"[^A-Za-z0-9]+", "-", source.stem).strip("-").lower()[:60] or "picture"
