"""Audit a built site: scan every file, then judge each reference against the policy.

Scanning (the slow, cacheable half) knows nothing of the policy; judging (the
fast half) turns references into findings: errors fail the build, warnings do
not, declared third parties are reported as such.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import NoReturn

from plugin_support import DiscreetError

from .cache import ScanCache, digest
from .entities import Entity, is_tracker, lookup
from .findings import Context, FileScan, Finding, Reference, Severity
from .policy import AuditPolicy, Recipient, host_matches
from .quick import provably_clean
from .scan import as_browsers_read, file_type, scan_file
from .signatures import BY_FAMILY


class AuditError(DiscreetError):
    """The output folder cannot be audited (missing, unreadable): a usage error."""


@dataclass(frozen=True, slots=True)
class HostUse:
    """A third-party host the built site makes clients contact."""

    host: str
    entity: Entity | None
    recipient: Recipient | None
    files: int

    @property
    def declared(self) -> bool:
        return self.recipient is not None


@dataclass(frozen=True)
class AuditResult:
    findings: tuple[Finding, ...]
    scans: tuple[FileScan, ...]
    third_parties: tuple[HostUse, ...]
    tracker_families: tuple[str, ...]  # signature families seen in live code
    uses_javascript: bool
    seconds: float
    cached_files: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def files_scanned(self) -> int:
        return len(self.scans)

    @property
    def pages_scanned(self) -> int:
        return sum(1 for scan in self.scans if scan.file_type == "html")


def audit(
    root: Path, policy: AuditPolicy, cache: ScanCache | None = None, workers: int | None = None
) -> AuditResult:
    started = time.perf_counter()
    scans = scan_folder(root, cache, workers, trusted=policy.first_party_hosts)
    result = judge(scans, policy)
    return replace(
        result,
        seconds=time.perf_counter() - started,
        cached_files=cache.hits if cache is not None else 0,
    )


# Below this many files a second process costs more than it saves.
PARALLEL_MIN_FILES = 300

Job = tuple[str, str, str]  # full path, output-relative path, scanner


def scan_folder(
    root: Path,
    cache: ScanCache | None = None,
    workers: int | None = None,
    trusted: frozenset[str] | None = None,
) -> list[FileScan]:
    """Scan every file a client could be served from `root`, in a stable order.

    With `trusted` (the first-party hosts), pages that provably name no other host
    in a loading place skip the parser (quick.py). `workers` > 1 scans large sites
    in that many forked processes (bench/privacy_guard_bench.py measures both).
    """
    if not root.is_dir():
        raise AuditError(f"{root}: not a folder; give the site's output folder (e.g. output/)")
    if cache is not None:
        cache.bind(trusted)  # a page skipped the parser only for these hosts
    scans = []
    for scan, content_digest, reused in _run(_jobs(root), workers, cache, trusted):
        if cache is not None:
            cache.keep(scan, content_digest, reused)
        scans.append(scan)
    return scans


_context: tuple[ScanCache | None, frozenset[str] | None] = (None, None)


def _set_context(cache: ScanCache | None, trusted: frozenset[str] | None) -> None:
    """What each scan needs besides its file; forked workers inherit it, unpickled."""
    global _context
    _context = (cache, trusted)


def _scan_one(job: Job) -> tuple[FileScan, str, bool]:
    """(scan, content digest or "", whether it came from the cache)."""
    cache, trusted = _context
    full, relative, kind = job
    data = _read(full)
    if kind != "xml":  # an XML parser reads the byte-order mark itself, with the declaration
        data = as_browsers_read(data)
    content_digest = ""
    if cache is not None:
        content_digest = digest(data)
        cached = cache.lookup(relative, content_digest)
        if cached is not None:
            return cached, content_digest, True
    if trusted is not None and kind == "html":
        head_meta = provably_clean(data, trusted)
        if head_meta is not None:
            return FileScan(relative, kind, head_meta=head_meta), content_digest, False
    return scan_file(relative, data, kind), content_digest, False


def _run(
    jobs: Iterable[Job],
    workers: int | None,
    cache: ScanCache | None,
    trusted: frozenset[str] | None,
) -> Iterator[tuple[FileScan, str, bool]]:
    """Scans one by one as the folder is walked: no list of every file and every result."""
    if workers is not None and workers > 1 and "fork" in get_all_start_methods():
        jobs = list(jobs)
        if len(jobs) >= PARALLEL_MIN_FILES:
            # fork: the workers start at once with everything imported (spawn would re-import
            # the parsers in each); they only compute, never log or print.
            chunks = max(1, len(jobs) // (workers * 4))
            with get_context("fork").Pool(workers, _set_context, (cache, trusted)) as pool:
                yield from pool.map(_scan_one, jobs, chunksize=chunks)
            return
    _set_context(cache, trusted)
    try:
        yield from map(_scan_one, jobs)
    finally:
        _set_context(None, None)


def _jobs(root: Path) -> Iterator[Job]:
    """(full path, output-relative path, scanner) for every file worth scanning.

    The relative path is built while walking: os.path.relpath on each file cost a noticeable
    share of the audit of a clean page.
    """
    top = os.fspath(root)
    return _walk(top, "", [os.path.realpath(top)])


def _walk(folder: str, inside: str, walked: list[str]) -> Iterator[Job]:
    """A folder's files in name order, then its subfolders'. scandir tells which entries are
    links without another system call (os.walk with followlinks would cost one per folder)."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        _unreadable_folder(error)
    subfolders = []
    for entry in entries:
        relative = f"{inside}/{entry.name}" if inside else entry.name
        if _is_folder(entry):
            if not entry.is_symlink() or _new_linked_folder(entry.path, walked):
                subfolders.append((entry.path, relative))
        elif (kind := file_type(entry.name)) is not None:
            yield entry.path, relative, kind
    for path, relative in subfolders:
        yield from _walk(path, relative, walked)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a link, as a web server does
    except OSError:
        return False


def _new_linked_folder(folder: str, walked: list[str]) -> bool:
    """A folder linked into the output is served like any other, so its pages are audited; a
    link into a folder already walked, or up to one that holds it (a loop), is not followed."""
    real = os.path.realpath(folder)
    for done in walked:
        if os.path.commonpath((real, done)) in (real, done):
            return False
    walked.append(real)
    return True


def _unreadable_folder(error: OSError) -> NoReturn:
    """A folder that cannot be listed is served all the same: never skip it, stop."""
    raise AuditError(
        f"{error.filename}: this folder cannot be read ({error.strerror}); check its permissions"
    )


def _read(full: str) -> bytes:
    """The file's bytes; a named pipe, device or socket is refused, never waited on."""
    try:
        with open(full, "rb", opener=_without_waiting) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise AuditError(
                    f"{full}: not a regular file (a pipe, device or socket), which no web server "
                    "serves; remove it from the output folder"
                )
            return handle.read()
    except OSError as e:
        if e.errno in (errno.ENOENT, errno.ELOOP) and os.path.islink(full):
            hint = "it is a broken or looping symbolic link; remove it or point it at a real file"
        else:
            hint = f"cannot be read ({e.strerror}); check its permissions"
        raise AuditError(f"{full}: {hint}") from e


def _without_waiting(path: str, flags: int) -> int:
    """Open with O_NONBLOCK: opening a named pipe must not wait for a writer."""
    return os.open(path, flags | os.O_NONBLOCK)


def judge(scans: Iterable[FileScan], policy: AuditPolicy) -> AuditResult:
    """Findings for scanned files, plus the hosts and tracker code the site really uses."""
    scans = tuple(scans)
    findings: list[Finding] = []
    host_files: Counter[str] = Counter()
    families: set[str] = set()
    for scan in scans:
        hosts_here: set[str] = set()
        for reference in scan.references:
            finding: Finding | None
            if reference.family:
                finding = _judge_signature(scan.path, reference, policy)
                if reference.context is not Context.COMMENT:
                    families.add(reference.family)
            elif not _third_party(reference, policy):
                continue
            else:
                finding = _judge_host(scan.path, reference, policy, lookup(reference.host))
                if reference.context is not Context.COMMENT:
                    hosts_here.add(reference.host)
            if finding is not None:
                findings.append(finding)
        host_files.update(hosts_here)
    findings += _stale(policy, host_files, families)
    third_parties = tuple(
        HostUse(host, lookup(host), policy.recipient_for(host), files)
        for host, files in sorted(host_files.items())
    )
    return AuditResult(
        findings=tuple(findings),
        scans=scans,
        third_parties=third_parties,
        tracker_families=tuple(sorted(families)),
        uses_javascript=any(scan.uses_javascript for scan in scans),
        seconds=0.0,
    )


def _third_party(reference: Reference, policy: AuditPolicy) -> bool:
    if policy.is_first_party(reference.host):
        return False
    return reference.kind != "bare-host" or _bare_host_counts(reference.host, policy)


def _bare_host_counts(host: str, policy: AuditPolicy) -> bool:
    """A host name written alone in a script or a script's setting (no URL around it) counts
    when it is declared, a known tracker's, or a subdomain of the site's own domain: a name
    the site points at another company (CNAME cloaking) is third party unless listed.
    Any other bare name (an event name such as hide.bs.modal) is no host at all."""
    if policy.recipient_for(host) is not None or is_tracker(host):
        return True
    sites = {site.removeprefix("www.") for site in policy.first_party_hosts}
    if host.removeprefix("www.") in sites:  # the site with or without www. is the site
        return False
    return any(host.endswith("." + site) for site in sites if not site.startswith("*."))


HINT_UNDECLARED = (
    "not declared: remove the reference, or list its host under a recipient's hosts "
    "in the declaration"
)
HINT_CRAWLER = (
    "preview image on another host: serve it from the site, or list its host under a "
    "recipient's hosts"
)
HINT_COMMENT = "in a comment: delete the comment, it is one edit away from loading"
HINT_SIGNATURE = (
    "tracker code: remove it, or declare the processing with scripts: [{family}] in the declaration"
)
HINT_STALE = "stale declaration: remove the host or script family the site no longer uses"


def _judge_host(
    path: str, reference: Reference, policy: AuditPolicy, entity: Entity | None
) -> Finding | None:
    recipient = policy.recipient_for(reference.host)
    who = f" ({entity.label}, {entity.category})" if entity else ""
    what = f"{reference.kind} {reference.url}: {reference.host}{who}"
    hint = ""
    if reference.context is Context.COMMENT:
        if recipient is not None:
            return None
        severity, message, hint = Severity.WARNING, f"{what} in a comment", HINT_COMMENT
    elif recipient is not None:
        severity = Severity.INFO
        message = f"{what} is declared for recipient {recipient.id} ({recipient.purpose})"
    elif reference.context is Context.CRAWLER:
        severity = Severity.WARNING
        message = f"{what} is not declared; only link-preview crawlers fetch it"
        hint = HINT_CRAWLER
    else:
        severity, message, hint = Severity.ERROR, f"{what} is not declared", HINT_UNDECLARED
    return Finding(
        file=path,
        line=reference.line,
        severity=severity,
        kind=reference.kind,
        url=reference.url,
        host=reference.host,
        entity=entity.label if entity else None,
        category=entity.category if entity else None,
        declared=recipient is not None,
        message=message,
        hint=hint,
        recipient=recipient.id if recipient else None,
    )


def _judge_signature(path: str, reference: Reference, policy: AuditPolicy) -> Finding:
    signature = BY_FAMILY[reference.family]
    declared = reference.family in policy.declared_script_families
    what = f"tracker code {reference.matched!r}: {signature.entity}, {signature.category}"
    hint = ""
    if declared:
        severity, message = Severity.INFO, f"{what}, declared as scripts: [{reference.family}]"
    elif reference.context is Context.COMMENT:
        severity, message, hint = Severity.WARNING, f"{what}, in a comment", HINT_COMMENT
    else:
        severity = Severity.ERROR
        message = f"{what}, not declared (it tracks even when served from this site)"
        hint = HINT_SIGNATURE.format(family=reference.family)
    return Finding(
        file=path,
        line=reference.line,
        severity=severity,
        kind="signature",
        url=None,
        host=None,
        entity=signature.entity,
        category=signature.category,
        declared=declared,
        message=message,
        hint=hint,
    )


def _stale(policy: AuditPolicy, used_hosts: Counter[str], families: set[str]) -> list[Finding]:
    """Declared but never contacted: the policy promises more than the site does."""
    where = policy.declaration_file or "declaration"
    stale = [
        _stale_finding(
            where,
            f"recipient {recipient.id} lists host {host}; no built file contacts it",
            host=host,
            recipient=recipient.id,
        )
        for host, recipient in sorted(policy.declared_hosts.items())
        if not any(host_matches(host, used) for used in used_hosts)
    ]
    for family in sorted(policy.declared_script_families - families):
        known = BY_FAMILY.get(family)
        stale.append(
            _stale_finding(
                where,
                f"processing declares scripts: [{family}]; no built file runs it",
                entity=known.entity if known else None,
                category=known.category if known else None,
            )
        )
    return stale


def _stale_finding(where: str, message: str, **about: str | None) -> Finding:
    return Finding(
        file=where,
        line=None,
        severity=Severity.WARNING,
        kind="stale-declaration",
        url=None,
        host=about.get("host"),
        entity=about.get("entity"),
        category=about.get("category"),
        declared=True,
        message=message,
        hint=HINT_STALE,
        recipient=about.get("recipient"),
    )
