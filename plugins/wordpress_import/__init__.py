"""Import a WordPress export (WXR) into Markdown content; no Pelican import here."""
