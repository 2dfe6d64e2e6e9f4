"""deploy: server configs for the built site, from what the build published.

`make publish` writes, into deploy/ beside the output: the nginx server blocks, the Apache
virtual hosts, a Caddyfile and the contact inbox's systemd unit; every build adds its blocks to
the site's `.htaccess` and `_headers`. The engine (host_rules, published, the renderers) never
imports Pelican; `register()` imports the glue in ``plugin`` only when Pelican calls it.
"""


def register() -> None:
    from .plugin import register as connect_signals

    connect_signals()
