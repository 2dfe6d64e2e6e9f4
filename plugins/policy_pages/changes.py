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
from dataclasses import dataclass
from types import ModuleType
from typing import Any, TypeVar

from declaration import (
    FIRST_PARTY,
    ComplaintProcedure,
    Controller,
    Declaration,
    Duration,
    Jurisdiction,
    Obligation,
    Processing,
    language_name,
    without_edits_in,
)

from .cookies import stored_choice
from .lang import language_of, words_for
from .wording import address_text, basis_words, join, retention_text

T = TypeVar("T")

_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")


@dataclass(frozen=True)
class Said:
    """The language a change list is said in, which is not always that of the texts it compares
    (what changed in the German version, said on the English page), and its words."""

    language: str

    @property
    def words(self) -> ModuleType:
        return words_for(self.language)

    def say(self, key: str, **facts: str) -> str:
        """The change `key` of this language's CHANGES, with its facts."""
        return str(self.words.CHANGES[key].format(**facts))


def change_list(old: Declaration, new: Declaration) -> list[str]:
    """The changes from `old` to `new` that the published policy shows, in plain words: in the
    language of `new`'s texts, then what changed in the site's other languages alone."""
    return [*_in_words(old, new, Said(language_of(new))), *translation_changes(old, new)]


def translation_changes(old: Declaration, new: Declaration) -> list[str]:
    """What changed in the texts of the site's other languages that the lines in `new`'s own
    language do not show: a language added or dropped, and each edit made in one language
    alone (a release records every language, so each of these is a change to release)."""
    said = Said(language_of(new))  # every version's changes, in this list's words
    out = []
    for language in new.site.languages:
        if language == new.language:
            continue
        name = language_name(language, said.language)
        if language not in old.site.languages:
            out.append(said.say("also_published", language=name))
            continue
        before, after = old.in_language(language), new.in_language(language)
        undone = without_edits_in(old, new, language)
        shared = set(_in_words(before, undone, said))  # what every language's list says anyway
        lines = [line for line in _in_words(before, after, said) if line not in shared]
        out += [said.say("version_edit", language=name, line=line) for line in lines]
        if not lines and undone.model_dump() != after.model_dump():
            out.append(said.say("version_reworded", language=name))  # a text no line names
    out += [
        said.say("not_published", language=language_name(language, said.language))
        for language in old.site.languages
        if language not in new.site.languages
    ]
    return out


def _in_words(old: Declaration, new: Declaration, said: Said) -> list[str]:
    """The changes from `old` to `new`, both read in one language."""
    return [
        *_jurisdictions(old, new, said),
        *_site(old, new, said),
        *_controller(old, new, said),
        *_dpo(old, new, said),
        *_authority(old, new, said),
        *_categories(old, new, said),
        *_purposes(old, new, said),
        *_recipients(old, new, said),
        *_storage(old, new, said),
        *_decisions(old, new, said),
        *_rights(old, new, said),
        *_ccpa(old, new, said),
        *_notes(old, new, said),
    ]


def _keyed(items: Iterable[T], key: Callable[[T], str]) -> dict[str, T]:
    return {key(item): item for item in items}


def _diff(old: dict[str, T], new: dict[str, T]) -> tuple[list[str], list[str], list[str]]:
    """Keys added (in new's order), removed (in old's order) and kept."""
    added = [k for k in new if k not in old]
    removed = [k for k in old if k not in new]
    return added, removed, [k for k in new if k in old]


def _jurisdictions(old: Declaration, new: Declaration, said: Said) -> list[str]:
    added = [law for law in new.jurisdictions if law not in old.jurisdictions]
    removed = [law for law in old.jurisdictions if law not in new.jurisdictions]
    laws = said.words.LAW_NAMES
    return [said.say("law_added", law=laws[law]) for law in added] + [
        said.say("law_removed", law=laws[law]) for law in removed
    ]


def _site(old: Declaration, new: Declaration, said: Said) -> list[str]:
    w = said.words
    out = []
    if old.site.name != new.site.name:
        out.append(said.say("site_name", name=new.site.name, before=old.site.name))
    if old.site.url != new.site.url:
        out.append(said.say("site_url", url=str(new.site.url)))
    before, after = set(old.site.hosted_by), set(new.site.hosted_by)
    named = [r for r in new.hosts if r.id not in before]
    if named:
        hosts = [f"{r.name} ({w.country(r.country)})" for r in named]
        out.append(w.change_host_named(join(hosts, w.AND)))
    out += [w.change_host_dropped(r.name) for r in old.hosts if r.id not in after]
    if FIRST_PARTY in after - before:
        out.append(w.change_self_hosted())
    return out


def _controller(old: Declaration, new: Declaration, said: Said) -> list[str]:
    a, b = old.controller, new.controller
    w = said.words
    out = []
    if a.legal_name != b.legal_name:
        out.append(said.say("controller", name=b.legal_name, before=a.legal_name))
    if a.address != b.address:
        out.append(said.say("address", address=address_text(b.address, said.language)))
    if a.email != b.email:
        out.append(said.say("email", email=b.email))
    if a.phone != b.phone:
        out.append(said.say("phone", phone=b.phone) if b.phone else said.say("no_phone"))
    notice = _changed(a, b, *w.NOTICE_FIELDS.items())
    if notice:
        out.append(said.say("notice", fields=join(notice, w.AND)))
    out += _notice_people(said, a, b)
    for key, where in (("eu_representative", "eu"), ("uk_representative", "uk")):
        before, after = getattr(a, key), getattr(b, key)
        place = w.IN_REGION[where]
        if before == after:
            continue
        if after is None:
            out.append(said.say("representative_gone", where=place))
        elif before is None:
            out.append(said.say("representative_new", where=place, name=after.name))
        elif before.name != after.name:
            out.append(said.say("representative_now", where=place, name=after.name))
        else:
            out.append(said.say("representative_contact", where=place))
    return out


def _notice_people(said: Said, a: Controller, b: Controller) -> list[str]:
    """Who represents us (by role), who answers for the content, dispute resolution."""
    w = said.words
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


def _dpo(old: Declaration, new: Declaration, said: Said) -> list[str]:
    a, b = old.dpo, new.dpo
    if a == b:
        return []
    if b.appointed and not a.appointed:
        return [said.say("dpo_new", email=str(b.email))]
    if a.appointed and not b.appointed:
        return [said.say("dpo_gone")]
    return [said.say("dpo_contact", email=str(b.email))]


def _authority(old: Declaration, new: Declaration, said: Said) -> list[str]:
    a, b = old.supervisory_authority, new.supervisory_authority
    if a is not None and b is None and new.applies(Jurisdiction.EU_GDPR):
        return [said.words.change_no_lead_authority()]
    if a == b or b is None:
        return []
    return [said.say("authority", name=b.name)]


def _categories(old: Declaration, new: Declaration, said: Said) -> list[str]:
    o = _keyed(old.data_categories, lambda c: c.id)
    n = _keyed(new.data_categories, lambda c: c.id)
    added, removed, kept = _diff(o, n)
    out = [said.say("category_new", label=n[k].label) for k in added]
    out += [said.say("category_gone", label=o[k].label) for k in removed]
    for k in kept:
        a, b = o[k], n[k]
        if a.label != b.label:
            out.append(said.say("category_label", before=a.label, label=b.label))
        if a.ccpa_category != b.ccpa_category and b.ccpa_category:
            names = join([category.label for category in b.ccpa_category])
            out.append(f"{b.label} now counts as {names} under the CCPA")  # English only
        if a.sensitive != b.sensitive:
            out.append(
                said.say("sensitive", label=b.label, kind=b.sensitive.label)
                if b.sensitive
                else said.say("not_sensitive", label=b.label)
            )
    return out


def _purposes(old: Declaration, new: Declaration, said: Said) -> list[str]:
    o = _keyed(old.processing, lambda p: p.id)
    n = _keyed(new.processing, lambda p: p.id)
    added, removed, kept = _diff(o, n)
    w = said.words
    language = said.language
    out = [said.say("purpose_new", name=n[k].heading, purpose=n[k].purpose) for k in added]
    out += [said.say("purpose_gone", name=o[k].heading, purpose=o[k].purpose) for k in removed]
    old_recipients = {r.id for r in old.recipients}
    new_recipients = {r.id for r in new.recipients}
    for k in kept:
        a, b, name = o[k], n[k], n[k].heading
        if a.purpose != b.purpose:
            out.append(said.say("purpose_text", name=name, purpose=b.purpose))
        if a.legal_basis != b.legal_basis:
            basis, before = (basis_words(x, language) for x in (b.legal_basis, a.legal_basis))
            out.append(said.say("basis", name=name, basis=basis, before=before))
        elif a.legitimate_interest != b.legitimate_interest and b.legitimate_interest:
            out.append(said.say("interest", name=name, interest=b.legitimate_interest))
        if a.consent and b.consent and a.consent != b.consent:
            out.append(said.say("withdraw", name=name, how=b.consent.withdraw))
        out += _data_change(old, new, a.data, b.data, name, said)
        if a.sources != b.sources:
            out.append(w.change_sources(name, b.sources, a.sources))
        if a.provision != b.provision and a.provision and b.provision:
            if a.provision.obligation != b.provision.obligation:
                out.append(said.say(_obligation_key(b), name=name))
            if a.provision.consequence != b.provision.consequence:
                consequence = b.provision.consequence
                out.append(said.say("consequence", name=name, consequence=consequence))
        if a.retention != b.retention:
            change = _retention_change(said, a, b, new.controller.address.country)
            out.append(said.say("retention", name=name, change=change))
        if (
            a.special_category_condition != b.special_category_condition
            and b.special_category_condition
        ):
            article = w.cite(b.special_category_condition.article, w.law_name(True, False))
            out.append(said.say("special", name=name, article=article))
        for rid in b.recipients:
            if rid not in a.recipients and rid in old_recipients:
                recipient = new.recipient(rid).name
                out.append(said.say("receives", recipient=recipient, name=name))
        for rid in a.recipients:
            if rid not in b.recipients and rid in new_recipients:
                recipient = new.recipient(rid).name
                out.append(said.say("no_longer_receives", recipient=recipient, name=name))
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


def _obligation_key(entry: Processing) -> str:
    """Which of CHANGES' phrases says the purpose's obligation now: data the browser sends by
    itself (server logs) is nobody's obligation to give."""
    obligation = entry.provision.obligation if entry.provision else Obligation.NONE
    if obligation is Obligation.NONE:
        automatic = "browser" in entry.sources and "data_subject" not in entry.sources
        return "obligation_browser" if automatic else "obligation_none"
    return "obligation_contract" if obligation is Obligation.CONTRACT else "obligation_law"


def _data_change(
    old: Declaration, new: Declaration, before: tuple, after: tuple, name: str, said: Said
) -> list[str]:
    out = []
    gained = [new.data_category(i).label for i in after if i not in before]
    lost = [old.data_category(i).label for i in before if i not in after]
    and_word = said.words.AND
    if gained:
        out.append(said.say("uses_more", name=name, labels=join(gained, and_word)))
    if lost:
        out.append(said.say("uses_less", name=name, labels=join(lost, and_word)))
    return out


def _retention_change(said: Said, old: Processing, new: Processing, country: str) -> str:
    a, b = old.retention, new.retention
    w = said.words
    if a.duration and b.duration and old.retention_start == new.retention_start:
        before = _shortened(a.duration, b.duration, w.duration)
        return str(w.CHANGES["instead"].format(after=w.duration(b.duration), before=before))
    language = said.language
    before = retention_text(a, country, form=old.form is not None, language=language)
    after = retention_text(b, country, form=new.form is not None, language=language)
    return str(w.CHANGES["instead"].format(after=after, before=before))


def _shortened(old: Duration, new: Duration, spelled: Callable[[Duration], str]) -> str:
    """'6' when both periods are whole months ("3 months instead of 6"); else the full period."""
    old_units = [unit for unit in _UNITS if getattr(old, unit)]
    new_units = [unit for unit in _UNITS if getattr(new, unit)]
    if len(old_units) == 1 and old_units == new_units:
        return str(getattr(old, old_units[0]))
    return spelled(old)


def _recipients(old: Declaration, new: Declaration, said: Said) -> list[str]:
    o = _keyed(old.recipients, lambda r: r.id)
    n = _keyed(new.recipients, lambda r: r.id)
    added, removed, kept = _diff(o, n)
    out = []
    w = said.words
    for k in added:
        r = n[k]
        uses = [e.heading for e in new.processing if k in e.recipients]
        country = w.country(r.country)
        out.append(
            said.say("recipient_new_for", name=r.name, country=country, uses=join(uses, w.AND))
            if uses
            else said.say("recipient_new", name=r.name, country=country)
        )
    out += [said.say("recipient_gone", name=o[k].name) for k in removed]
    for k in kept:
        a, b = o[k], n[k]
        if a.name != b.name:
            out.append(said.say("renamed", before=a.name, name=b.name))
        if a.country != b.country:
            country, before = w.country(b.country), w.country(a.country)
            out.append(said.say("moved", name=b.name, country=country, before=before))
        if a.role != b.role:
            out.append(said.say("role", name=b.name, role=w.CHANGE_ROLES[b.role]))
        if a.purpose != b.purpose:
            out.append(said.say("does", name=b.name, purpose=b.purpose))
        if a.privacy_url != b.privacy_url and b.privacy_url:
            out.append(said.say("privacy_url", name=b.name, url=str(b.privacy_url)))
        if bool(a.hosts) != bool(b.hosts):
            out.append(said.say("connects" if b.hosts else "no_longer_connects", name=b.name))
        out += _transfer_change(said, a.transfer, b.transfer, b.name)
        for part in b.dpf:
            if part not in a.dpf:
                out.append(w.change_dpf(b.name, part.value, certified=True))
        for part in a.dpf:
            if part not in b.dpf:
                out.append(w.change_dpf(b.name, part.value, certified=False))
        if (a.address, a.phone) != (b.address, b.phone) and k in new.site.hosted_by:
            out.append(w.change_host_contact(b.name))
    return out


def _transfer_change(said: Said, a: Any, b: Any, name: str) -> list[str]:
    if a == b or b is None:
        return []
    w = said.words
    out = []
    if b.mechanism and (a is None or a.mechanism != b.mechanism):
        out.append(said.say("transfer", name=name, safeguard=w.EU_SAFEGUARDS[b.mechanism]))
    if b.uk and (a is None or a.uk != b.uk):
        out.append(said.say("transfer_uk", name=name, safeguard=w.UK_SAFEGUARDS[b.uk]))
    if a is not None and a.copy_instructions != b.copy_instructions:
        out.append(
            said.say("copy", name=name, how=b.copy_instructions)
            if b.copy_instructions
            else w.change_no_copy(name)
        )
    return out


def _storage(old: Declaration, new: Declaration, said: Said) -> list[str]:
    o = _keyed(old.storage, lambda s: s.name)
    n = _keyed(new.storage, lambda s: s.name)
    added, removed, kept = _diff(o, n)
    w = said.words
    kinds = w.STORAGE_TYPES
    out = []
    for k in added:
        item = n[k]
        by = w.SET_BY_US if item.provider == FIRST_PARTY else new.recipient(item.provider).name
        kind, purpose = kinds[item.type], item.purpose
        out.append(said.say("storage_new", type=kind, name=item.name, by=by, purpose=purpose))
    for k in removed:
        kind = kinds[o[k].type]
        out.append(said.say("storage_gone", type=kind[:1].upper() + kind[1:], name=k))
    for k in kept:
        a, b = o[k], n[k]
        what = said.say("storage_what", type=kinds[b.type], name=k)
        if a.duration != b.duration:
            after, before = w.duration(b.duration), w.duration(a.duration)
            out.append(said.say("storage_lasts", what=what, duration=after, before=before))
        if a.consent_required != b.consent_required:
            key = "storage_consent" if b.consent_required else "storage_no_consent"
            out.append(said.say(key, what=what))
        if a.purpose != b.purpose:
            out.append(said.say("storage_purpose", what=what, purpose=b.purpose))
        details = _changed(a, b, *w.STORAGE_FIELDS.items())
        if details:
            out.append(said.say("storage_fields", what=what, fields=join(details, w.AND)))
    a_record, b_record = old.consent, new.consent
    if a_record and b_record and stored_choice(a_record) != stored_choice(b_record):
        after, before = (stored_choice(record, w.duration) for record in (b_record, a_record))
        out.append(w.change_choice_kept(after, before))
    return out


def _decisions(old: Declaration, new: Declaration, said: Said) -> list[str]:
    a, b = old.automated_decision_making, new.automated_decision_making
    if a == b:
        return []
    if b.used and not a.used:
        return [said.say("decisions_new", logic=b.logic or "")]
    if a.used and not b.used:
        return [said.say("decisions_gone")]
    return [said.say("decisions_changed")]


def _rights(old: Declaration, new: Declaration, said: Said) -> list[str]:
    a, b = old.rights, new.rights
    out = []
    before = {(c.type, c.value) for c in a.channels}
    after = {(c.type, c.value) for c in b.channels}
    out += [
        said.say("channel_new", value=c.value)
        for c in b.channels
        if (c.type, c.value) not in before
    ]
    out += [
        said.say("channel_gone", value=c.value)
        for c in a.channels
        if (c.type, c.value) not in after
    ]
    w = said.words
    if a.response_time != b.response_time:
        time, earlier = w.duration(b.response_time), w.duration(a.response_time)
        out.append(said.say("response", time=time, before=earlier))
    for field in ("verification", "authorized_agent"):
        if getattr(a, field) != getattr(b, field) and getattr(b, field):
            out.append(said.say(field))
    return out + _complaints(said, a.complaint_procedure, b.complaint_procedure)


def _complaints(
    said: Said, a: ComplaintProcedure | None, b: ComplaintProcedure | None
) -> list[str]:
    """What changed in how people complain to us, said by channel and deadline (an old release
    that told it in one text has only its details)."""
    if a == b or b is None:
        return []
    w = said.words
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
                w.duration(b.acknowledge_within), w.duration(old_within) if old_within else None
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


def _ccpa(old: Declaration, new: Declaration, said: Said) -> list[str]:
    a, b = old.ccpa, new.ccpa
    if not (a.applies and b.applies):
        return []  # the CCPA starting or stopping to apply is a jurisdiction change
    out = []
    for field, on, off in _CCPA_FLAGS:
        if bool(getattr(a, field)) != bool(getattr(b, field)):
            out.append(on if getattr(b, field) else off)
    if bool(a.online_only) != bool(b.online_only):
        out.append(said.words.change_online_only(bool(b.online_only)))
    if a.metrics_url != b.metrics_url:
        out.append(
            f"New link to our request metrics: {b.metrics_url}"
            if b.metrics_url
            else "We no longer link to request metrics"
        )
    return out


def _notes(old: Declaration, new: Declaration, said: Said) -> list[str]:
    out = []
    if old.caloppa and new.caloppa:
        if old.caloppa.dnt_response != new.caloppa.dnt_response:
            out.append("We changed how we respond to Do Not Track signals")
        if old.caloppa.review_process != new.caloppa.review_process and new.caloppa.review_process:
            out.append("We changed how you review and change your information")
    if old.pipeda and new.pipeda and old.pipeda != new.pipeda:
        out.append("New contact details for our privacy officer (Canada)")
    if old.policy != new.policy:
        out.append(said.say("policy"))
    return out


def _changed(a: Any, b: Any, *named: tuple[str, str]) -> list[str]:
    """The words for each (field, words) pair whose field differs between ``a`` and ``b``."""
    return [words for field, words in named if getattr(a, field) != getattr(b, field)]
