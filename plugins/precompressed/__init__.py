"""precompressed: .gz and .br copies of every text file of the site (HTML, CSS, XML, SVG...).

The Pelican glue lives in ``plugin`` and is imported by ``register()`` only, so the compression
worker (``python -m precompressed.worker``) starts without Pelican, small and quick.
"""


def register() -> None:
    from precompressed.plugin import register as connect_signals

    connect_signals()
