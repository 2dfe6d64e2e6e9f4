"""One small static map image for a location, drawn from OpenStreetMap's standard tiles.

The OSM Foundation's tile usage policy (https://operations.osmfoundation.org/policies/tiles/)
allows light use by an application that identifies itself with a User-Agent, does not bulk-
download, and shows "© OpenStreetMap contributors" with a link. fetch-media asks for the few
tiles (at most six) around one point once, draws them into one picture with a marker, and the
card carries the credit; the tiles themselves are never published or fetched again.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

from PIL import Image, ImageDraw

TILE = 256
WIDTH, HEIGHT = 640, 360
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
CREDIT = "© OpenStreetMap contributors"
CREDIT_URL = "https://www.openstreetmap.org/copyright"


def pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator position of a point, in pixels of the whole world map at `zoom`."""
    scale = TILE * 2**zoom
    x = (lon + 180) / 360 * scale
    sin = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * scale
    return x, y


def tiles_for(lat: float, lon: float, zoom: int) -> list[tuple[int, int]]:
    """The tiles (x, y) that the WIDTH x HEIGHT window centred on the point touches."""
    cx, cy = pixel(lat, lon, zoom)
    last = 2**zoom - 1
    xs = range(int((cx - WIDTH / 2) // TILE), int((cx + WIDTH / 2 - 1) // TILE) + 1)
    ys = range(int((cy - HEIGHT / 2) // TILE), int((cy + HEIGHT / 2 - 1) // TILE) + 1)
    return [(x % (last + 1), y) for y in ys for x in xs if 0 <= y <= last]


def render(
    lat: float, lon: float, zoom: int, get: Callable[[str], bytes], tile_url: str = TILE_URL
) -> tuple[bytes, list[str]]:
    """The map as JPEG bytes, and the tile addresses it was drawn from (`tile_url` with {z},
    {x} and {y}: the policy asks not to hardcode OpenStreetMap's own server)."""
    cx, cy = pixel(lat, lon, zoom)
    left, top = cx - WIDTH / 2, cy - HEIGHT / 2
    canvas = Image.new("RGB", (WIDTH, HEIGHT), (242, 239, 233))
    sources = []
    x0 = int(left // TILE)
    for x, y in tiles_for(lat, lon, zoom):
        url = tile_url.format(z=zoom, x=x, y=y)
        sources.append(url)
        tile = Image.open(io.BytesIO(get(url))).convert("RGB")
        column = x if x >= x0 else x + 2**zoom  # a window across the antimeridian
        canvas.paste(tile, (round(column * TILE - left), round(y * TILE - top)))
    _marker(canvas)
    out = io.BytesIO()
    canvas.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue(), sources


def _marker(canvas: Image.Image) -> None:
    """A pin at the centre: a dark-rimmed red dot, visible on every map style."""
    draw = ImageDraw.Draw(canvas)
    x, y = WIDTH / 2, HEIGHT / 2
    draw.ellipse((x - 11, y - 11, x + 11, y + 11), fill=(255, 255, 255))
    draw.ellipse((x - 8, y - 8, x + 8, y + 8), fill=(179, 38, 30))
