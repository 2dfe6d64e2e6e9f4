"""The California CCPA/CPRA privacy policy (Cal. Code Regs. tit. 11 §7011), when ccpa.applies.

Everything is told by CCPA category of personal information, with the
statutory names; each right has its own heading; the opt-out and limit notices
exist only when the business sells, shares or uses sensitive data beyond
§7027(m), and the plugin puts their links in every page's footer.
"""

from __future__ import annotations

from collections.abc import Callable

from declaration import (
    BROWSER,
    DATA_SUBJECT,
    CcpaCategory,
    DataCategory,
    Declaration,
    Processing,
    RecipientRole,
)

from .document import Block, Bullets, Declared, Link, Paragraph, Row, Section, Spans, Table
from .lang import words_for
from .sections_gdpr import recipients_section
from .wording import channels_list, email_link, join, joined, purpose_link, retention_spans, stop

OPT_OUT_TITLE = "Do Not Sell or Share My Personal Information"
LIMIT_TITLE = "Limit the Use of My Sensitive Personal Information"


def ccpa_section(declaration: Declaration) -> Section | None:
    ccpa = declaration.ccpa
    if not ccpa.applies:
        return None
    groups = _groups(declaration)
    sells = bool(ccpa.sells or ccpa.shares)
    subsections = [
        _sensitive(declaration),
        _per_category(
            "Where we get it",
            "ccpa.sources",
            "The categories of sources of each category of personal information:",
            groups,
            lambda category: _sources(declaration, category),
        ),
        _per_category(
            "Why we collect it",
            "ccpa.purposes",
            "The business or commercial purposes for which we collect and use each category:",
            groups,
            lambda category: _purposes(declaration, category),
        ),
        _per_category(
            "How long we keep it",
            "ccpa.retention",
            "How long we keep each category of personal information:",
            groups,
            lambda category: _retention(declaration, category),
        ),
        _sold_shared(declaration),
        _disclosed(declaration),
        *_rights(declaration, sells),
        _methods(declaration),
        _text_section(
            "Verifying your request",
            "ccpa.verification",
            "Before we act on a request to know, delete or correct, we verify that it comes from "
            "you: ",
            declaration.rights.verification,
            ("rights", "verification"),
        ),
        _text_section(
            "Authorized agents",
            "ccpa.authorized_agent",
            "You can have an authorized agent make a request for you: ",
            declaration.rights.authorized_agent,
            ("rights", "authorized_agent"),
        ),
        _signal(declaration, sells),
    ]
    if sells:
        subsections.append(
            _notice(
                declaration,
                OPT_OUT_TITLE,
                "ccpa.opt_out_link",
                "sale or sharing of your personal information",
            )
        )
    if ccpa.spi_beyond_7027m:
        subsections.append(
            _notice(
                declaration,
                LIMIT_TITLE,
                "ccpa.limit_link",
                "use and disclosure of your sensitive personal information beyond the purposes "
                "that §7027(m) allows",
            )
        )
    incentives = _incentives(declaration)
    if incentives:
        subsections.append(incentives)
    if ccpa.metrics_url:
        subsections.append(
            Section(
                "Metrics",
                (
                    Paragraph(
                        (
                            "How many requests we received and answered last year: ",
                            Link(ccpa.metrics_url, ccpa.metrics_url),
                            ".",
                        )
                    ),
                ),
                meets=("ccpa.metrics",),
            )
        )
    table = Table(
        "Categories of personal information we collected in the preceding 12 months",
        ("Category (as the CCPA names it)", "What it is here"),
        tuple(
            Row(
                (
                    (category.label,),
                    # labels hold "and" themselves: only a semicolon separates two unambiguously
                    tuple(
                        span
                        for position, (loc, c) in enumerate(items)
                        for span in ((("; ",) if position else ()) + (Declared(c.label, loc),))
                    ),
                )
            )
            for category, items in groups.items()
        ),
    )
    return Section(
        "Your California privacy rights",
        (
            Paragraph(
                (
                    "This part is for California residents, under the California Consumer Privacy "
                    "Act as amended by the California Privacy Rights Act (CCPA). In the preceding "
                    "12 months we collected these categories of personal information:",
                )
            ),
            table,
            *(
                (Paragraph((words_for(declaration).CCPA_SEVERAL,)),)
                if any(len(c.ccpa_category) > 1 for c in declaration.data_categories)
                else ()
            ),
        ),
        tuple(section for section in subsections if section is not None),
        meets=("ccpa.categories_collected",),
    )


Group = dict[CcpaCategory, list[tuple[tuple, DataCategory]]]


def _groups(declaration: Declaration) -> Group:
    groups: Group = {}
    for index, category in enumerate(declaration.data_categories):
        for ccpa_category in category.ccpa_category:
            groups.setdefault(ccpa_category, []).append(
                (("data_categories", index, "label"), category)
            )
    return dict(sorted(groups.items(), key=lambda item: list(CcpaCategory).index(item[0])))


def _uses(declaration: Declaration, categories: list[DataCategory]) -> list[Processing]:
    ids = {c.id for c in categories}
    return [entry for entry in declaration.processing if ids & set(entry.data)]


def _per_category(
    heading: str,
    requirement: str,
    lead: str,
    groups: Group,
    describe: Callable[[list[DataCategory]], Spans],
) -> Section:
    # Categories with the same answer share one line, in the order the CCPA lists them: the
    # same facts in fewer words (§7011(e)(1)(B)-(C) ask for them by category, not one by one).
    answers: dict[Spans, list[str]] = {}
    for category, members in groups.items():
        answers.setdefault(describe([c for _, c in members]), []).append(category.label)
    items = tuple((f"{join(labels)}: ", *answer) for answer, labels in answers.items())
    return Section(heading, (Paragraph((lead,)), Bullets(items)), meets=(requirement,))


def _sources(declaration: Declaration, categories: list[DataCategory]) -> Spans:
    found: dict[str, Spans] = {}
    for entry in _uses(declaration, categories):
        index = declaration.processing.index(entry)
        for position, source in enumerate(entry.sources):
            if source == DATA_SUBJECT:
                found.setdefault(source, ("directly from you",))
            elif source == BROWSER:
                found.setdefault(source, ("automatically from your browser",))
            else:
                found.setdefault(
                    source, (Declared(source, ("processing", index, "sources", position)),)
                )
    return (*joined(list(found.values())), ".")


def _purposes(declaration: Declaration, categories: list[DataCategory]) -> Spans:
    parts = [
        (
            Declared(
                entry.ccpa_purpose,
                ("processing", declaration.processing.index(entry), "ccpa_purpose"),
            ),
        )
        if entry.ccpa_purpose
        else (Link(stop(entry.purpose).rstrip("."), f"#purpose-{entry.id}"),)
        for entry in _uses(declaration, categories)
    ]  # §7011(e)(1)(C) asks for the purpose itself, not the purpose's short title
    return (*joined(parts), ".")


def _retention(declaration: Declaration, categories: list[DataCategory]) -> Spans:
    parts = [
        (
            *retention_spans(
                entry.retention,
                ("processing", declaration.processing.index(entry), "retention"),
                declaration.controller.address.country,
                form=entry.form is not None,
            ),
            " (for ",
            purpose_link(entry),
            ")",
        )
        for entry in _uses(declaration, categories)
    ]
    return (*joined(parts, "and"), ".")


def _sensitive(declaration: Declaration) -> Section:
    ccpa = declaration.ccpa
    sensitive = [
        c for c in declaration.data_categories if c.sensitive and c.sensitive.ccpa_sensitive
    ]
    blocks: list[Block] = []
    meets = ["ccpa.sensitive_use"]
    if sensitive:
        meets.insert(0, "ccpa.sensitive_categories")
        blocks.append(Paragraph(("Of that, these categories are sensitive personal information:",)))
        blocks.append(
            Bullets(
                tuple(
                    (
                        f"{c.sensitive.label}: ",
                        Declared(
                            c.label,
                            ("data_categories", declaration.data_categories.index(c), "label"),
                        ),
                    )
                    for c in sensitive
                    if c.sensitive
                )
            )
        )
        if ccpa.spi_beyond_7027m:
            use = (
                "We use or disclose sensitive personal information for purposes beyond those that "
                "California regulation §7027(m) allows; you have the right to limit that use."
            )
        else:
            use = (
                "We use and disclose sensitive personal information only for the purposes that "
                "California regulation §7027(m) allows, and do not use it to infer "
                "characteristics about you."
            )
    else:
        use = "We do not collect sensitive personal information."
    blocks.append(Paragraph((use,)))
    return Section("Sensitive personal information", tuple(blocks), meets=tuple(meets))


def _recipient_lines(declaration: Declaration, roles: set[RecipientRole]) -> list[Spans]:
    lines: list[Spans] = []
    for index, recipient in enumerate(declaration.recipients):
        if recipient.role not in roles:
            continue
        categories: list[str] = []
        for entry in declaration.processing:
            if recipient.id in entry.recipients:
                for c in declaration.data_of(entry):
                    for ccpa_category in c.ccpa_category:
                        if ccpa_category.label not in categories:
                            categories.append(ccpa_category.label)
        purpose = Declared(recipient.purpose, ("recipients", index, "purpose"))
        lines.append((f"{'; '.join(categories)}: to {recipient.name} (", purpose, ")."))
    return lines


def _sold_shared(declaration: Declaration) -> Section:
    ccpa = declaration.ccpa
    blocks: list[Block] = []
    if not (ccpa.sells or ccpa.shares):
        blocks.append(
            Paragraph(
                (
                    "We do not sell or share personal information, and we have not sold or shared "
                    "it in the preceding 12 months.",
                )
            )
        )
        minors = (
            "We do not sell or share the personal information of consumers under 16 years of age."
        )
    else:
        verb = join([w for w, on in (("sold", ccpa.sells), ("shared", ccpa.shares)) if on])
        lines = _recipient_lines(
            declaration, {RecipientRole.CONTROLLER, RecipientRole.JOINT_CONTROLLER}
        )
        lead = f"In the preceding 12 months we {verb} personal information, for the purposes stated"
        if lines:
            blocks += [Paragraph((f"{lead}, to these third parties:",)), Bullets(tuple(lines))]
        else:
            recipients = Link("Who receives your data", f"#{recipients_section(declaration).id}")
            blocks.append(Paragraph((f"{lead}, to the recipients listed under ", recipients, ".")))
        if ccpa.knows_sells_under16:
            minors = ""
        else:
            minors = (
                "We do not knowingly sell or share the personal information of consumers under 16 "
                "years of age."
            )
    if minors:
        blocks.append(Paragraph((minors,)))
    else:
        blocks.append(
            Paragraph(
                (
                    "We sell or share the personal information of consumers under 16 years of age "
                    "only with opt-in consent: from consumers aged 13 to 15 themselves, and from a "
                    "parent or guardian for children under 13.",
                ),
                meets=("ccpa.minors",),
            )
        )
    return Section("Selling and sharing", tuple(blocks), meets=("ccpa.sold_shared", "ccpa.under16"))


def _disclosed(declaration: Declaration) -> Section:
    lines = _recipient_lines(declaration, {RecipientRole.PROCESSOR})
    if lines:
        blocks: tuple[Block, ...] = (
            Paragraph(
                (
                    "In the preceding 12 months we disclosed these categories of personal "
                    "information for a business purpose, to service providers:",
                )
            ),
            Bullets(tuple(lines)),
        )
    else:
        blocks = (
            Paragraph(
                (
                    "We have not disclosed personal information for a business purpose in the "
                    "preceding 12 months.",
                )
            ),
        )
    return Section("Disclosures for a business purpose", blocks, meets=("ccpa.disclosed",))


def _rights(declaration: Declaration, sells: bool) -> list[Section]:
    opt_out = (
        "Use the link “" + OPT_OUT_TITLE + "” at the foot of every page, or send a request in "
        "any of the ways below."
        if sells
        else "We do not sell or share it, so there is nothing to opt out of."
    )
    limit = (
        "Use the link “" + LIMIT_TITLE + "” at the foot of every page, or send a request in any "
        "of the ways below."
        if declaration.ccpa.spi_beyond_7027m
        else "We use sensitive personal information only for those purposes."
        if any(c.sensitive and c.sensitive.ccpa_sensitive for c in declaration.data_categories)
        else "We do not collect sensitive personal information."
    )
    rights = (
        (
            "Right to know",
            "ccpa.right_know",
            "You have the right to know what personal information we have collected about you: "
            "its categories, its sources, why we collect it, to which categories of third parties "
            "we disclose it, and the specific pieces we hold (Cal. Civ. Code §1798.110).",
        ),
        (
            "Right to delete",
            "ccpa.right_delete",
            "You have the right to delete the personal information we collected from you, with "
            "the exceptions the law sets (§1798.105).",
        ),
        (
            "Right to correct",
            "ccpa.right_correct",
            "You have the right to correct inaccurate personal information we hold about you "
            "(§1798.106).",
        ),
        (
            "Right to opt out of sale or sharing",
            "ccpa.right_opt_out",
            "You have the right to opt out of the sale or sharing of your personal information "
            f"(§1798.120). {opt_out}",
        ),
        (
            "Right to limit the use of sensitive personal information",
            "ccpa.right_limit",
            "You have the right to limit the use and disclosure of your sensitive personal "
            f"information to the purposes that §7027(m) allows (§1798.121). {limit}",
        ),
        (
            "Right to non-discrimination",
            "ccpa.non_discrimination",
            words_for(declaration).CCPA_NON_DISCRIMINATION,
        ),
    )
    return [Section(h, (Paragraph((text,)),), meets=(req,)) for h, req, text in rights]


def _methods(declaration: Declaration) -> Section:
    return Section(
        "How to make a request",
        (
            Paragraph(("Send your request in any of these ways:",)),
            Bullets(channels_list(declaration)),
            Paragraph((f"We answer within {declaration.rights.response_time} of receiving it.",)),
            Paragraph(
                ("Questions about this notice: ", email_link(declaration.controller.email), "."),
                meets=("ccpa.contact",),
            ),
        ),
        meets=("ccpa.methods",),
    )


def _text_section(
    heading: str, requirement: str, lead: str, text: str | None, loc: tuple
) -> Section:
    return Section(
        heading, (Paragraph((lead, Declared(stop(text or ""), loc))),), meets=(requirement,)
    )


def _signal(declaration: Declaration, sells: bool) -> Section:
    if declaration.ccpa.honors_gpc:
        text = (
            "We treat an opt-out preference signal, such as Global Privacy Control (GPC), sent by "
            "your browser as a valid request to opt out of the sale or sharing of your personal "
            "information, for that browser and device."
        )
    else:
        text = "We do not act on opt-out preference signals such as Global Privacy Control (GPC)."
    if not sells:
        text += (
            " We neither sell nor share personal information, so there is nothing for the signal "
            "to stop."
        )
    return Section(
        "Opt-out preference signals", (Paragraph((text,)),), meets=("ccpa.opt_out_signal",)
    )


def _notice(declaration: Declaration, title: str, requirement: str, what: str) -> Section:
    return Section(
        title,
        (
            Paragraph(
                (
                    f"You have the right to opt out of the {what}. To do so, send us a request "
                    "in any of these ways:",
                )
            ),
            Bullets(channels_list(declaration)),
        ),
        meets=(requirement,),
    )


def _incentives(declaration: Declaration) -> Section | None:
    items: list[Spans] = []
    for index, entry in enumerate(declaration.processing):
        incentive = entry.ccpa_financial_incentive
        if incentive is None:
            continue
        loc = ("processing", index, "ccpa_financial_incentive")
        items.append(
            (
                purpose_link(entry),
                ": ",
                Declared(stop(incentive.terms), (*loc, "terms")),
                " How to withdraw: ",
                Declared(stop(incentive.withdraw), (*loc, "withdraw")),
            )
        )
    if not items:
        return None
    return Section(
        "Notice of financial incentive",
        (
            Paragraph(("We offer a financial incentive for personal information:",)),
            Bullets(tuple(items)),
        ),
        meets=("ccpa.financial_incentive",),
    )
