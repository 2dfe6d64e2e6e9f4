"""For the settings files: values that the declaration holds, read before Pelican starts.

publishconf.py needs the site's address while Pelican reads its settings, before
any plugin runs. This reads only site.url, leniently: a broken declaration gives
"", and the plugin then reports every problem of the file, one line each.
"""

from __future__ import annotations

from pathlib import Path

from declaration import DeclarationError
from declaration.yaml_source import read_source


def declared_site_url(declaration: Path | str) -> str:
    """site.url of the declaration at `declaration`, without a trailing slash; "" if unreadable."""
    try:
        data = read_source(Path(declaration)).data
    except DeclarationError:
        return ""
    site = data.get("site") if isinstance(data, dict) else None
    url = site.get("url") if isinstance(site, dict) else None
    return url.strip().rstrip("/") if isinstance(url, str) else ""
