"""What changed between two releases, said in plain words, one line per change (not a text diff).

Each kind of change has its own phrase: a new recipient with its country and
purposes, a retention period that got shorter, a cookie removed. Parts are
matched by their ids (storage items by name), so a reordered file changes
nothing. Fields that never appear in the published text (forms, scripts,
first-party hosts, which hosts a recipient serves from) are not changes of the
policy and are not listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from declaration import (
    FIRST_PARTY,
    ComplaintProcedure,
    Controller,
    Declaration,
    Duration,
    Jurisdiction,
    Processing,
    language_name,
    without_edits_in,
)
from declaration.countries import country_name

from .cookies import stored_choice
from .lang import en as _WORDS
from .lang import words_for
from .wording import address_text, basis_words, join, retention_text

T = TypeVar("T")

_LAWS = {
    Jurisdiction.EU_GDPR: "the EU GDPR",
    Jurisdiction.UK_GDPR: "the UK GDPR",
    Jurisdiction.EPRIVACY: "the EU ePrivacy rules on cookies",
    Jurisdiction.US_CA_CALOPPA: "California's CalOPPA",
    Jurisdiction.US_CA_CCPA: "California's CCPA",
    Jurisdiction.CA_PIPEDA: "Canada's PIPEDA",
}
_ROLE_WORDS = {
    "processor": "processor, acting only on our instructions",
    "controller": "controller, deciding for itself how it uses the data",
    "joint_controller": "joint controller, deciding with us how the data is used",
}
_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")


def change_list(old: Declaration, new: Declaration) -> list[str]:
    """The changes from `old` to `new` that the published policy shows, in plain words: in the
    language of `new`'s texts, then what changed in the site's other languages alone."""
    return [*_in_words(old, new), *translation_changes(old, new)]


def translation_changes(old: Declaration, new: Declaration) -> list[str]:
    """What changed in the texts of the site's other languages that the lines in `new`'s own
    language do not show: a language added or dropped, and each edit made in one language
    alone (a release records every language, so each of these is a change to release)."""
    out = []
    for language in new.site.languages:
        if language == new.language:
            continue
        name = language_name(language)
        if language not in old.site.languages:
            out.append(f"The policy is now also published in {name}")
            continue
        before, after = old.in_language(language), new.in_language(language)
        undone = without_edits_in(old, new, language)
        shared = set(_in_words(before, undone))  # what every language's list says anyway
        lines = [line for line in _in_words(before, after) if line not in shared]
        out += [f"In the {name} version: {line}" for line in lines]
        if not lines and undone.model_dump() != after.model_dump():
            out.append(f"The {name} version is reworded")  # a text no line names (a title)
    out += [
        f"The policy is no longer published in {language_name(language)}"
        for language in old.site.languages
        if language not in new.site.languages
    ]
    return out


def _in_words(old: Declaration, new: Declaration) -> list[str]:
    """The changes from `old` to `new`, both read in one language."""
    return [
        *_jurisdictions(old, new),
        *_site(old, new),
        *_controller(old, new),
        *_dpo(old, new),
        *_authority(old, new),
        *_categories(old, new),
        *_purposes(old, new),
        *_recipients(old, new),
        *_storage(old, new),
        *_decisions(old, new),
        *_rights(old, new),
        *_ccpa(old, new),
        *_notes(old, new),
    ]


def _keyed(items: Iterable[T], key: Callable[[T], str]) -> dict[str, T]:
    return {key(item): item for item in items}


def _diff(old: dict[str, T], new: dict[str, T]) -> tuple[list[str], list[str], list[str]]:
    """Keys added (in new's order), removed (in old's order) and kept."""
    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    return added, removed, [k for k in new if k in old]


def _jurisdictions(old: Declaration, new: Declaration) -> list[str]:
    added = [law for law in new.jurisdictions if law not in old.jurisdictions]
    removed = [law for law in old.jurisdictions if law not in new.jurisdictions]
    return [f"The policy now covers {_LAWS[law]}" for law in added] + [
        f"The policy no longer covers {_LAWS[law]}" for law in removed
    ]


def _site(old: Declaration, new: Declaration) -> list[str]:
    w = words_for(new)
    out = []
    if old.site.name != new.site.name:
        out.append(f"The site is now called {new.site.name} (before: {old.site.name})")
    if old.site.url != new.site.url:
        out.append(f"The site's address is now {new.site.url}")
    before, after = set(old.site.hosted_by), set(new.site.hosted_by)
    named = [r for r in new.hosts if r.id not in before]
    if named:
        out.append(w.change_host_named(join([f"{r.name} ({r.country_name})" for r in named])))
    out += [w.change_host_dropped(r.name) for r in old.hosts if r.id not in after]
    if FIRST_PARTY in after - before:
        out.append(w.change_self_hosted())
    return out


def _controller(old: Declaration, new: Declaration) -> list[str]:
    a, b = old.controller, new.controller
    out = []
    if a.legal_name != b.legal_name:
        out.append(
            f"The business responsible for your data is now {b.legal_name} (before: {a.legal_name})"
        )
    if a.address != b.address:
        out.append(f"Our postal address is now {address_text(b.address)}")
    if a.email != b.email:
        out.append(f"Our e-mail address for privacy questions is now {b.email}")
    if a.phone != b.phone:
        out.append(
            f"Our phone number is now {b.phone}" if b.phone else "We no longer give a phone number"
        )
    notice = _changed(
        a,
        b,
        ("legal_form", "our legal form"),
        ("commercial_register", "our register entry"),
        ("registered_office", "our registered office"),
        ("vat_id", "our VAT ID"),
        ("share_capital", "our share capital"),
        ("publication_director", "our directeur de la publication"),
        ("regulator", "who supervises us"),
    )
    if notice:
        out.append(f"Legal notice: {join(notice)} changed")
    out += _notice_people(new, a, b)
    for key, where in (("eu_representative", "the EU"), ("uk_representative", "the UK")):
        before, after = getattr(a, key), getattr(b, key)
        if before == after:
            continue
        if after is None:
            out.append(f"We no longer have a representative in {where}")
        elif before is None:
            out.append(f"New representative in {where}: {after.name}")
        elif before.name != after.name:
            out.append(f"Our representative in {where} is now {after.name}")
        else:
            out.append(f"New contact details for our representative in {where}")
    return out


def _notice_people(new: Declaration, a: Controller, b: Controller) -> list[str]:
    """Who represents us (by role), who answers for the content, dispute resolution."""
    w = words_for(new)
    out = []
    before = {officer.name: officer.role for officer in a.represented_by}
    after = {officer.name: officer.role for officer in b.represented_by}
    for name, role in after.items():
        if name not in before or before[name] != role:
            out.append(w.change_representative(name, role, before.get(name)))
    out += [w.change_representative_left(name) for name in before if name not in after]
    if a.editorial_responsible != b.editorial_responsible:
        person = b.editorial_responsible
        out.append(w.change_editorial(person.name if person else None))
    if a.consumer_disputes != b.consumer_disputes:
        disputes = b.consumer_disputes
        out.append(w.change_disputes(disputes.participation.value if disputes else None))
    return out


def _dpo(old: Declaration, new: Declaration) -> list[str]:
    a, b = old.dpo, new.dpo
    if a == b:
        return []
    if b.appointed and not a.appointed:
        return [f"We appointed a Data Protection Officer, reachable at {b.email}"]
    if a.appointed and not b.appointed:
        return ["We no longer have a Data Protection Officer"]
    return [f"New contact details for our Data Protection Officer: {b.email}"]


def _authority(old: Declaration, new: Declaration) -> list[str]:
    a, b = old.supervisory_authority, new.supervisory_authority
    if a is not None and b is None and new.applies(Jurisdiction.EU_GDPR):
        return [words_for(new).change_no_lead_authority()]
    if a == b or b is None:
        return []
    return [f"The supervisory authority responsible for us is now {b.name}"]


def _categories(old: Declaration, new: Declaration) -> list[str]:
    o = _keyed(old.data_categories, lambda c: c.id)
    n = _keyed(new.data_categories, lambda c: c.id)
    added, removed, kept = _diff(o, n)
    out = [f"New kind of personal data: {n[k].label}" for k in added]
    out += [f"We no longer process: {o[k].label}" for k in removed]
    for k in kept:
        a, b = o[k], n[k]
        if a.label != b.label:
            out.append(f"{a.label} is now described as: {b.label}")
        if a.ccpa_category != b.ccpa_category and b.ccpa_category:
            names = join([category.label for category in b.ccpa_category])
            out.append(f"{b.label} now counts as {names} under the CCPA")
        if a.sensitive != b.sensitive:
            out.append(
                f"{b.label} is now marked as sensitive ({b.sensitive.label})"
                if b.sensitive
                else f"{b.label} is no longer marked as sensitive"
            )
    return out


def _purposes(old: Declaration, new: Declaration) -> list[str]:
    o = _keyed(old.processing, lambda p: p.id)
    n = _keyed(new.processing, lambda p: p.id)
    added, removed, kept = _diff(o, n)
    w = words_for(new)
    out = [f"New purpose: {n[k].heading} ({n[k].purpose})" for k in added]
    out += [f"Purpose removed: {o[k].heading} ({o[k].purpose})" for k in removed]
    old_recipients = {r.id for r in old.recipients}
    new_recipients = {r.id for r in new.recipients}
    for k in kept:
        a, b, name = o[k], n[k], n[k].heading
        if a.purpose != b.purpose:
            out.append(f"{name} is now described as: {b.purpose}")
        if a.legal_basis != b.legal_basis:
            out.append(
                f"{name} now relies on {basis_words(b.legal_basis)} instead of "
                f"{basis_words(a.legal_basis)}"
            )
        elif a.legitimate_interest != b.legitimate_interest and b.legitimate_interest:
            out.append(f"{name}: our legitimate interest is now: {b.legitimate_interest}")
        if a.consent and b.consent and a.consent != b.consent:
            out.append(f"{name}: you now withdraw your consent through {b.consent.withdraw}")
        out += _data_change(old, new, a.data, b.data, name)
        if a.sources != b.sources:
            out.append(w.change_sources(name, b.sources, a.sources))
        if a.provision != b.provision and a.provision and b.provision:
            if a.provision.obligation != b.provision.obligation:
                automatic = "browser" in b.sources and "data_subject" not in b.sources
                out.append(w.change_obligation(name, b.provision.obligation, automatic))
            if a.provision.consequence != b.provision.consequence:
                out.append(f"{name}: if you do not give the data: {b.provision.consequence}")
        if a.retention != b.retention:
            change = _retention_change(a, b, new.controller.address.country)
            out.append(f"{name} data is now kept {change}")
        if (
            a.special_category_condition != b.special_category_condition
            and b.special_category_condition
        ):
            out.append(
                f"{name}: special category data is now processed under "
                f"{b.special_category_condition.article}"
            )
        for rid in b.recipients:
            if rid not in a.recipients and rid in old_recipients:
                out.append(f"{new.recipient(rid).name} now also receives data for {name}")
        for rid in a.recipients:
            if rid not in b.recipients and rid in new_recipients:
                out.append(f"{new.recipient(rid).name} no longer receives data for {name}")
        if a.ccpa_purpose != b.ccpa_purpose:
            out.append(
                f"{name}: its business purpose under the CCPA is now: {b.ccpa_purpose or b.purpose}"
            )
        if a.ccpa_financial_incentive != b.ccpa_financial_incentive:
            incentive = b.ccpa_financial_incentive
            out.append(
                f"{name}: financial incentive: {incentive.terms}"
                if incentive
                else f"{name}: no financial incentive any more"
            )
    return out


def _data_change(
    old: Declaration, new: Declaration, before: tuple, after: tuple, name: str
) -> list[str]:
    out = []
    gained = [new.data_category(i).label for i in after if i not in before]
    lost = [old.data_category(i).label for i in before if i not in after]
    if gained:
        out.append(f"{name} now also uses: {join(gained)}")
    if lost:
        out.append(f"{name} no longer uses: {join(lost)}")
    return out


def _retention_change(old: Processing, new: Processing, country: str) -> str:
    a, b = old.retention, new.retention
    if a.duration and b.duration and old.retention_start == new.retention_start:
        return f"{b.duration} instead of {_shortened(a.duration, b.duration)}"
    before = retention_text(a, country, form=old.form is not None)
    return f"{retention_text(b, country, form=new.form is not None)} instead of {before}"


def _shortened(old: Duration, new: Duration) -> str:
    """'6' when both periods are whole months ("3 months instead of 6"); else the full period."""
    old_units = [unit for unit in _UNITS if getattr(old, unit)]
    new_units = [unit for unit in _UNITS if getattr(new, unit)]
    if len(old_units) == 1 and old_units == new_units:
        return str(getattr(old, old_units[0]))
    return str(old)


def _recipients(old: Declaration, new: Declaration) -> list[str]:
    o = _keyed(old.recipients, lambda r: r.id)
    n = _keyed(new.recipients, lambda r: r.id)
    added, removed, kept = _diff(o, n)
    out = []
    for k in added:
        r = n[k]
        uses = [e.heading for e in new.processing if k in e.recipients]
        users = f", for {join(uses)}" if uses else ""
        out.append(f"New recipient: {r.name} ({r.country_name}){users}")
    out += [f"{o[k].name} no longer receives personal data" for k in removed]
    for k in kept:
        a, b = o[k], n[k]
        if a.name != b.name:
            out.append(f"{a.name} is now called {b.name}")
        if a.country != b.country:
            out.append(
                f"{b.name} now processes data in {country_name(b.country)} instead of "
                f"{country_name(a.country)}"
            )
        if a.role != b.role:
            out.append(f"{b.name} is now a {_ROLE_WORDS[b.role]}")
        if a.purpose != b.purpose:
            out.append(f"{b.name} now does this for us: {b.purpose}")
        if a.privacy_url != b.privacy_url and b.privacy_url:
            out.append(f"{b.name} has a new privacy policy address: {b.privacy_url}")
        if bool(a.hosts) != bool(b.hosts):
            out.append(
                f"Your browser now connects to the servers of {b.name} on our pages"
                if b.hosts
                else f"Your browser no longer connects to the servers of {b.name}"
            )
        out += _transfer_change(a.transfer, b.transfer, b.name)
        w = words_for(new)
        for part in b.dpf:
            if part not in a.dpf:
                out.append(w.change_dpf(b.name, part.value, certified=True))
        for part in a.dpf:
            if part not in b.dpf:
                out.append(w.change_dpf(b.name, part.value, certified=False))
        if (a.address, a.phone) != (b.address, b.phone) and k in new.site.hosted_by:
            out.append(w.change_host_contact(b.name))
    return out


def _transfer_change(a: Any, b: Any, name: str) -> list[str]:
    if a == b or b is None:
        return []
    out = []
    if b.mechanism and (a is None or a.mechanism != b.mechanism):
        out.append(f"Transfers to {name} now rely on {_WORDS.EU_SAFEGUARDS[b.mechanism]}")
    if b.uk and (a is None or a.uk != b.uk):
        out.append(f"Transfers to {name} from the UK now rely on {_WORDS.UK_SAFEGUARDS[b.uk]}")
    if a is not None and a.copy_instructions != b.copy_instructions:
        out.append(
            f"{name}: to get a copy of the transfer safeguard now: {b.copy_instructions}"
            if b.copy_instructions
            else _WORDS.change_no_copy(name)
        )
    return out


def _storage(old: Declaration, new: Declaration) -> list[str]:
    o = _keyed(old.storage, lambda s: s.name)
    n = _keyed(new.storage, lambda s: s.name)
    added, removed, kept = _diff(o, n)
    out = []
    for k in added:
        item = n[k]
        by = "set by us" if item.provider == FIRST_PARTY else new.recipient(item.provider).name
        out.append(f"New {item.type.label}: {item.name} ({by}), {item.purpose}")
    out += [f"{o[k].type.label.capitalize()} removed: {k}" for k in removed]
    for k in kept:
        a, b = o[k], n[k]
        what = f"The {b.type.label} {k}"
        if a.duration != b.duration:
            out.append(f"{what} now lasts {b.duration} instead of {a.duration}")
        if a.consent_required != b.consent_required:
            out.append(
                f"{what} is now set only with your consent"
                if b.consent_required
                else f"{what} no longer needs your consent"
            )
        if a.purpose != b.purpose:
            out.append(f"{what} is now used to: {b.purpose}")
        details = _changed(
            a,
            b,
            ("type", "its type"),
            ("provider", "who sets it"),
            ("exemption", "why it needs no consent"),
            ("if_refused", "what refusing it means"),
        )
        if details:
            out.append(f"{what}: {join(details)} changed")
    a_record, b_record = old.consent, new.consent
    if a_record and b_record and stored_choice(a_record) != stored_choice(b_record):
        kept = words_for(new).change_choice_kept(stored_choice(b_record), stored_choice(a_record))
        out.append(kept)
    return out


def _decisions(old: Declaration, new: Declaration) -> list[str]:
    a, b = old.automated_decision_making, new.automated_decision_making
    if a == b:
        return []
    if b.used and not a.used:
        return [f"We now make automated decisions about you: {b.logic}"]
    if a.used and not b.used:
        return ["We no longer make automated decisions about you"]
    return ["We changed what we say about our automated decisions"]


def _rights(old: Declaration, new: Declaration) -> list[str]:
    a, b = old.rights, new.rights
    out = []
    before = {(c.type, c.value) for c in a.channels}
    after = {(c.type, c.value) for c in b.channels}
    out += [
        f"New way to send us a request: {c.value}"
        for c in b.channels
        if (c.type, c.value) not in before
    ]
    out += [
        f"We no longer take requests at {c.value}"
        for c in a.channels
        if (c.type, c.value) not in after
    ]
    if a.response_time != b.response_time:
        out.append(f"We now answer requests within {b.response_time} instead of {a.response_time}")
    for field, words in (
        ("verification", "We changed how we check that a request comes from you"),
        ("authorized_agent", "We changed how an authorized agent makes a request for you"),
    ):
        if getattr(a, field) != getattr(b, field) and getattr(b, field):
            out.append(words)
    return out + _complaints(new, a.complaint_procedure, b.complaint_procedure)


def _complaints(
    new: Declaration, a: ComplaintProcedure | None, b: ComplaintProcedure | None
) -> list[str]:
    """What changed in how people complain to us, said by channel and deadline (an old release
    that told it in one text has only its details)."""
    if a == b or b is None:
        return []
    w = words_for(new)
    before = {(c.type, c.value) for c in a.channels} if a else set()
    after = {(c.type, c.value) for c in b.channels}
    out = [
        w.change_complaint_channel(c.value, True)
        for c in b.channels
        if (c.type, c.value) not in before
    ]
    if a:
        out += [
            w.change_complaint_channel(c.value, False)
            for c in a.channels
            if (c.type, c.value) not in after
        ]
    old_within = a.acknowledge_within if a else None
    if b.acknowledge_within and b.acknowledge_within != old_within:
        out.append(
            w.change_acknowledgement(
                str(b.acknowledge_within), str(old_within) if old_within else None
            )
        )
    if (a.details if a else None) != b.details and b.details:
        out.append(w.change_complaint_details())
    return out


_CCPA_FLAGS = (
    ("sells", "We now sell personal information", "We no longer sell personal information"),
    (
        "shares",
        "We now share personal information for cross-context behavioral advertising",
        "We no longer share personal information for cross-context behavioral advertising",
    ),
    (
        "honors_gpc",
        "We now honor Global Privacy Control signals",
        "We no longer honor Global Privacy Control signals",
    ),
    (
        "spi_beyond_7027m",
        "We now use sensitive personal information beyond the purposes of §7027(m)",
        "We now use sensitive personal information only for the purposes of §7027(m)",
    ),
    (
        "knows_sells_under16",
        "We now sell or share personal information of consumers under 16, with opt-in consent",
        "We no longer sell or share personal information of consumers under 16",
    ),
)


def _ccpa(old: Declaration, new: Declaration) -> list[str]:
    a, b = old.ccpa, new.ccpa
    if not (a.applies and b.applies):
        return []  # the CCPA starting or stopping to apply is a jurisdiction change
    out = []
    for field, on, off in _CCPA_FLAGS:
        if bool(getattr(a, field)) != bool(getattr(b, field)):
            out.append(on if getattr(b, field) else off)
    if bool(a.online_only) != bool(b.online_only):
        out.append(words_for(new).change_online_only(bool(b.online_only)))
    if a.metrics_url != b.metrics_url:
        out.append(
            f"New link to our request metrics: {b.metrics_url}"
            if b.metrics_url
            else "We no longer link to request metrics"
        )
    return out


def _notes(old: Declaration, new: Declaration) -> list[str]:
    out = []
    if old.caloppa and new.caloppa:
        if old.caloppa.dnt_response != new.caloppa.dnt_response:
            out.append("We changed how we respond to Do Not Track signals")
        if old.caloppa.review_process != new.caloppa.review_process and new.caloppa.review_process:
            out.append("We changed how you review and change your information")
    if old.pipeda and new.pipeda and old.pipeda != new.pipeda:
        out.append("New contact details for our privacy officer (Canada)")
    if old.policy != new.policy:
        out.append("We changed how we tell you about changes to this policy")
    return out


def _changed(a: Any, b: Any, *named: tuple[str, str]) -> list[str]:
    """The words for each (field, words) pair whose field differs between ``a`` and ``b``."""
    return [words for field, words in named if getattr(a, field) != getattr(b, field)]
