"""The form's labels in each language, as the privacy policy names them (GDPR Art. 13(2)(e):
which data one must give): the theme's catalogue translates the kit's own labels; a label the
owner wrote stays as written."""

from __future__ import annotations

from contact_form.fields import published_fields
from sitebuild import ROOT

THEME = {"THEME": str(ROOT / "theme")}


def test_the_kits_labels_are_named_in_the_policys_language() -> None:
    assert published_fields(THEME) == (
        ("Your e-mail address", "Your message"),
        ("Your name", "Subject"),
    )
    assert published_fields(THEME, "de") == (
        ("Ihre E-Mail-Adresse", "Ihre Nachricht"),
        ("Ihr Name", "Betreff"),
    )
    assert published_fields(THEME, "fr") == (
        ("Votre adresse électronique", "Votre message"),
        ("Votre nom", "Objet"),
    )


def test_an_owners_own_label_stays_as_written() -> None:
    fields = [
        {"name": "email", "label": "Ihre Mailadresse", "type": "email", "required": True},
        {"name": "message", "label": "Your message", "type": "textarea", "required": True},
    ]
    assert published_fields({**THEME, "CONTACT_FIELDS": fields}, "de") == (
        ("Ihre Mailadresse", "Ihre Nachricht"),
        (),
    )
