"""languages: the site in each of its declared languages.

The theme's strings come from gettext catalogues (theme/translations/<lang>/LC_MESSAGES/
messages.po, compiled to .mo by `make translations`), chosen per page by the page's language.
The engine (catalogues, formats) knows nothing of Pelican; the glue is in plugin.py.
"""


def register() -> None:
    from .plugin import register as register_glue

    register_glue()
