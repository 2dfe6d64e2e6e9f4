"""The example declaration as a site of two languages, German and English, every text in both."""

from __future__ import annotations

# Every prose text of the example, with its German: (key as written, English, German).
GERMAN = [
    ("label", "Name and e-mail address", "Name und E-Mail-Adresse"),
    ("label", "Content of your message", "Inhalt Ihrer Nachricht"),
    (
        "label",
        '"IP address, browser, requested page, time"',
        "IP-Adresse, Browser, aufgerufene Seite, Uhrzeit",
    ),
    ("title", "Server logs", "Server-Protokolle"),
    (
        "purpose",
        "Deliver the website and protect it against attacks",
        "Die Website ausliefern und vor Angriffen schützen",
    ),
    (
        "legitimate_interest",
        "Running a secure, available website",
        "Der sichere und erreichbare Betrieb der Website",
    ),
    ("consequence", "The website cannot be shown", "Die Website kann nicht angezeigt werden"),
    ("title", "Contact form", "Kontaktformular"),
    (
        "purpose",
        "Answer the questions you send us with the contact form",
        "Die Fragen beantworten, die Sie uns über das Kontaktformular senden",
    ),
    (
        "legitimate_interest",
        "Replying to enquiries about our products",
        "Anfragen zu unseren Produkten beantworten",
    ),
    ("consequence", "We cannot reply", "Wir können Ihnen nicht antworten"),
    ("purpose", "Web hosting", "Webhosting"),
    (
        "verification",
        "We answer to the e-mail address we already have, or ask for one more detail.",
        "Wir antworten an die E-Mail-Adresse, die wir schon kennen, oder fragen nach einer "
        "weiteren Angabe.",
    ),
    (
        "dnt_response",
        "We do not track visitors across other sites, so Do Not Track signals change nothing.",
        "Wir verfolgen Besucher nicht über andere Websites hinweg; Do-Not-Track-Signale ändern "
        "daher nichts.",
    ),
    (
        "change_notification",
        "We publish every change on this page and keep earlier versions readable.",
        "Wir veröffentlichen jede Änderung auf dieser Seite und halten frühere Fassungen lesbar.",
    ),
]


def bilingual(text: str, languages: str = "[de, en]") -> str:
    """The example `text` as a site of `languages` (German first unless they say otherwise),
    every text in both languages."""
    text = text.replace("languages: [en]", f"languages: {languages}")
    for key, english, german in GERMAN:
        assert text.count(f"{key}: {english}") == 1, english
        quoted = english if english.startswith('"') else f'"{english}"'
        text = text.replace(f"{key}: {english}", f'{key}: {{de: "{german}", en: {quoted}}}')
    return text
