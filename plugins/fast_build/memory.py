"""Let go of Pelican's in-memory content cache once it is saved.

Pelican keeps every source file's parsed HTML and metadata in its reader cache for the whole
build, although it reads that cache only while reading sources and saves it to disk right before
the ``*_generator_finalized`` signals. A plugin that then changes an article's content (the
contact form appends a link to articles) leaves the cache holding the only reference to the old
copy of every such article, for the whole build. Emptying the in-memory
cache after it is saved frees them; the next build loads the saved file as before.
"""

from __future__ import annotations


def release_reader_cache(generator) -> None:
    readers = getattr(generator, "readers", None)
    if readers is not None and isinstance(getattr(readers, "_cache", None), dict):
        readers._cache = {}
