"""Theme strings that reach templates through settings, marked so `make translations` extracts
them: the footer's titles of the kit's FOOTER_LINKS (pelicanconf.py), which base.html
translates with `_(title)`, and the share plugin's one label that is no service's name
(plugins/share/links.py), which article.html translates. A title of the owner's own, which
no catalogue holds, stays as written."""

from __future__ import annotations


def N_(text: str) -> str:
    """Marks a text for the theme's catalogues (`make translations` extracts it); it is
    translated where it is shown, in the page's language. The one marker every plugin uses."""
    return text


FOOTER_TITLES = (
    N_("Privacy policy"),
    N_("Cookie statement"),
    N_("Legal notice"),
    N_("Contact"),
)

SHARE_LABELS = (N_("E-mail"),)
