"""Canada's PIPEDA openness disclosures (Schedule 1, Principle 4.8; OPC consent guidance).

The types of information and their use, and what is disclosed to whom, are met
by the general sections; this part names the accountable person, access,
consent, processing abroad and how to challenge our compliance.
"""

from __future__ import annotations

from declaration import Declaration
from declaration.countries import country_name

from .document import Bullets, Declared, Facts, Lines, Link, Paragraph, Section, Spans
from .wording import address_lines, channels_list, complaints_to_us, email_link, joined

OPC_URL = "https://www.priv.gc.ca"


def pipeda_section(declaration: Declaration) -> Section | None:
    if declaration.pipeda is None:
        return None
    officer = declaration.pipeda.privacy_officer
    loc = ("pipeda", "privacy_officer")
    who: Spans = (Declared(officer.title, (*loc, "title"), lint=False),)
    if officer.name:
        who = (*who, ", ", Declared(officer.name, (*loc, "name"), lint=False))
    subsections = [
        Section(
            "Our privacy officer",
            (
                Paragraph(
                    (
                        "Our ",
                        *who,
                        ", is accountable for how we handle personal information. Send your "
                        "questions, inquiries and complaints to:",
                    )
                ),
                Lines(address_lines(officer.address, (*loc, "address"))),
                Facts((("E-mail", (email_link(officer.email),)),)),
            ),
            meets=("pipeda.accountable_person",),
        ),
        Section(
            "Access to your information",
            (
                Paragraph(
                    (
                        "You can ask for access to the personal information we hold about you, "
                        "and have it corrected when it is inaccurate or incomplete. Send your "
                        "request in any of these ways:",
                    )
                ),
                Bullets(channels_list(declaration)),
            ),
            meets=("pipeda.access",),
        ),
        Section(
            "Your consent",
            (
                Paragraph(
                    (
                        "We collect, use and disclose your personal information only for the "
                        "purposes this policy states, with the recipients it names, and with your "
                        "consent where the law requires it. You can withdraw your consent at any "
                        "time, subject to legal or contractual restrictions and reasonable notice; "
                        "we tell you what withdrawing means for you. To withdraw it, tell us in "
                        "any of the ways above.",
                    )
                ),
            ),
            meets=("pipeda.consent",),
        ),
    ]
    abroad = [r for r in declaration.recipients if r.country != "CA"]
    if abroad:
        names = joined(
            [(Link(r.name, f"#recipient-{r.id}"), f" ({country_name(r.country)})") for r in abroad]
        )
        subsections.append(
            Section(
                "Processing outside Canada",
                (
                    Paragraph(
                        (
                            "These recipients process personal information outside Canada: ",
                            *names,
                            ". While it is there, it is subject to the laws of that country, and "
                            "the courts, law enforcement and national security authorities of "
                            "that country can access it.",
                        )
                    ),
                ),
                meets=("pipeda.cross_border",),
            )
        )
    subsections.append(
        Section(
            "Challenging our compliance",
            (
                Paragraph(complaints_to_us(declaration)),
                Paragraph(
                    (
                        "If our answer does not satisfy you, you can complain to the Office of the "
                        "Privacy Commissioner of Canada: ",
                        Link("priv.gc.ca", OPC_URL),
                        ".",
                    )
                ),
            ),
            meets=("pipeda.challenge",),
        )
    )
    return Section(
        "Canada: your privacy under PIPEDA",
        (
            Paragraph(
                (
                    "This part is for people in Canada, under the Personal Information Protection "
                    "and Electronic Documents Act (PIPEDA).",
                )
            ),
        ),
        tuple(subsections),
        anchor="canada",
    )
