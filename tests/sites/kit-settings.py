"""The settings an owner makes their own, as the kit ships them in pelicanconf.py.

make init (and the owner) change these lines of pelicanconf.py; the kit's tests build with the
values here instead, so a site's own time zone and tagline change no test.
"""

TIMEZONE = None
SITESUBTITLE = "Small business, discreet by design"  # PLACEHOLDER: your tagline, or None
