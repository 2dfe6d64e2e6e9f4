"""Privacy guard: audit a built site for trackers and undeclared third-party hosts.

The audit engine (scan, judge, report) imports nothing from Pelican, so the
`privacy-guard` command works on any folder of HTML. `register()` is the
Pelican plugin entry point; it imports the Pelican glue only when called.
"""

# What the guard publishes in the build's context for other plugins and templates: the URL path
# of the transparency report, set only when the guard will write that page.
REPORT_PAGE_URL = "PRIVACY_GUARD_REPORT_PAGE_URL"


def register() -> None:
    from .plugin import register as register_plugin

    register_plugin()
