"""Known tracker code, recognised by the names its snippets and libraries use.

A signature fails the build even in a first-party script (self-hosted
analytics still tracks) unless the declaration's processing names the family
under `scripts`. The family names below are that contract: they are what a
declaration writes, e.g. `scripts: [matomo]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Signature:
    family: str
    entity: str
    category: str
    keywords: tuple[str, ...]  # literals every match contains: a cheap test before the regex
    pattern: str


def _call(name: str) -> str:
    """`name(` as a call of a global: not `omega(` nor `x.ga(`.

    The literal comes first and the look-behind after it, so the regex engine
    can search for the literal instead of testing a look-behind at every offset.
    """
    return rf"{name}(?<![\w$.]{name})\s*\("


# Patterns are matched against script code with comments removed (string
# contents kept: many snippets pass their global's name as a string).
# GA4's gtag.js and Google Tag Manager share `dataLayer`: one family covers both.
SIGNATURES: tuple[Signature, ...] = (
    Signature("google-analytics", "Google Analytics / Tag Manager (Google)", "analytics",
              ("gtag", "ga(", "ga (", "_gaq", "GoogleAnalyticsObject", "dataLayer", "GTM-"),
              rf"{_call('gtag')}|{_call('ga')}\s*['\"](?:create|send|set|require|provide)['\"]"
              r"|\b(?:_gaq|GoogleAnalyticsObject|dataLayer)\b|\bGTM-[A-Z0-9]{4,}\b"),
    Signature("facebook-pixel", "Facebook Pixel (Meta)", "advertising", ("fbq",),
              rf"{_call('fbq')}|\b_fbq\b"),
    Signature("matomo", "Matomo", "analytics", ("_paq", "_mtm", "getTracker"),
              r"\b(?:_paq|_mtm)\b|\b(?:Piwik|Matomo)\.getTracker\b"),
    Signature("hotjar", "Hotjar", "analytics", ("hj",), rf"{_call('hj')}|\b_hjSettings\b"),
    Signature("microsoft-clarity", "Microsoft Clarity (Microsoft)", "analytics", ("clarity",),
              rf"{_call('clarity')}|['\"]clarity['\"]"),
    Signature("tiktok-pixel", "TikTok Pixel (ByteDance)", "advertising",
              ("ttq", "TiktokAnalyticsObject"),
              r"\bttq\.(?:load|page|track|identify)\b|\bTiktokAnalyticsObject\b"),
    Signature("new-relic", "New Relic", "analytics", ("NREUM",), r"\bNREUM\b"),
    Signature("segment", "Segment (Twilio)", "analytics", ("analytics.",),
              r"\banalytics\.(?:load|page|track|identify)\s*\("),
    Signature("mixpanel", "Mixpanel", "analytics", ("mixpanel.",),
              r"\bmixpanel\.(?:init|track|identify|people|register)\b"),
    Signature("plausible", "Plausible", "analytics", ("plausible",),
              rf"{_call('plausible')}|\bwindow\.plausible\b"),
    # Privacy-friendly analytics is analytics too: a self-hosted copy of its library is caught by
    # the names the library itself uses, not only by the calls a page makes.
    Signature("umami", "Umami", "analytics", ("umami",),
              r"\bumami\.(?:track|identify)\b|\bwindow\.umami\b|x-umami-cache|data-umami-event"),
    Signature("fathom", "Fathom Analytics", "analytics", ("fathom.",),
              r"\bfathom\.(?:trackPageview|trackGoal|trackEvent)\b"),
    Signature("posthog", "PostHog", "analytics", ("posthog.",),
              r"\bposthog\.(?:init|capture|identify)\b"),
    Signature("goatcounter", "GoatCounter", "analytics", ("goatcounter",),
              r"\bgoatcounter\.(?:count|endpoint|get_data|url|filter|bind_events)\b"
              r"|\bwindow\.goatcounter\b|data-goatcounter"),
    Signature("koko-analytics", "Koko Analytics", "analytics", ("koko_analytics", "KokoAnalytics"),
              r"\bkoko_analytics\b|\bKokoAnalytics\b"),
    Signature("open-web-analytics", "Open Web Analytics", "analytics", ("owa_", "OWA"),
              r"\bowa_(?:baseUrl|cmds)\b|\bOWA\.(?:tracker|setSetting|config|items)\b"
              r"|\bOWATracker\b"),
    Signature("ackee", "Ackee", "analytics", ("ackee",), r"\backeeTracker\b|data-ackee-server"),
    Signature("pirsch", "Pirsch", "analytics", ("pirsch",),
              r"\bpirsch\s*\(|\bwindow\.pirsch\b|\bpirsch-(?:sdk|extended)\b"),
    Signature("countly", "Countly", "analytics", ("Countly.",),
              r"\bCountly\.(?:init|q|track_pageview|add_event|app_key)\b"),
    Signature("swetrix", "Swetrix", "analytics", ("swetrix.",),
              r"\bswetrix\.(?:init|trackViews|track|trackPageview)\b"),
    Signature("simple-analytics", "Simple Analytics", "analytics", ("sa_",),
              rf"{_call('sa_event')}|{_call('sa_pageview')}"),
    Signature("cloudflare-web-analytics", "Cloudflare Web Analytics", "analytics",
              ("__cfBeacon",), r"\b__cfBeacon\b"),
    Signature("heap", "Heap", "analytics", ("heap.",), r"\bheap\.(?:load|track|identify)\s*\("),
    Signature("amplitude", "Amplitude", "analytics", ("amplitude.",),
              r"\bamplitude\.(?:getInstance|init|track)\b"),
    Signature("fullstory", "FullStory", "analytics", ("_fs_namespace", "FS.identify"),
              r"\b_fs_namespace\b|\bFS\.identify\b"),
    Signature("logrocket", "LogRocket", "analytics", ("LogRocket.",), r"\bLogRocket\.init\b"),
    Signature("hubspot", "HubSpot", "marketing", ("_hsq",), r"\b_hsq\b"),
    Signature("yandex-metrica", "Yandex Metrica (Yandex)", "analytics", ("ym", "Metrika"),
              rf"{_call('ym')}\s*\d+|\bYa\.Metrika2?\b"),
    Signature("baidu-tongji", "Baidu Analytics (Baidu)", "analytics", ("_hmt",), r"\b_hmt\b"),
    Signature("linkedin-insight", "LinkedIn Insight Tag (LinkedIn)", "advertising",
              ("_linkedin_partner_id", "lintrk"),
              rf"\b_linkedin_partner_id\b|{_call('lintrk')}"),
    Signature("twitter-pixel", "X/Twitter Pixel", "advertising", ("twq",), rf"{_call('twq')}"),
    Signature("pinterest-tag", "Pinterest Tag", "advertising", ("pintrk",),
              rf"{_call('pintrk')}"),
    Signature("snap-pixel", "Snap Pixel (Snap)", "advertising", ("snaptr",),
              rf"{_call('snaptr')}"),
    Signature("reddit-pixel", "Reddit Pixel", "advertising", ("rdt",),
              rf"{_call('rdt')}\s*['\"]"),
    Signature("microsoft-uet", "Microsoft Advertising UET (Microsoft)", "advertising", ("uetq",),
              r"\buetq\b"),
    Signature("google-adsense", "Google AdSense (Google)", "advertising", ("adsbygoogle",),
              r"\badsbygoogle\b"),
    Signature("quantcast", "Quantcast", "advertising", ("_qevents",), r"\b_qevents\b"),
    Signature("comscore", "comScore", "analytics", ("_comscore", "COMSCORE"),
              r"\b_comscore\b|\bCOMSCORE\.beacon\b"),
    Signature("adobe-analytics", "Adobe Analytics (Adobe)", "analytics",
              ("s_gi", "AppMeasurement"), rf"{_call('s_gi')}|\bAppMeasurement\b"),
)  # fmt: skip

FAMILIES: frozenset[str] = frozenset(signature.family for signature in SIGNATURES)
BY_FAMILY: dict[str, Signature] = {signature.family: signature for signature in SIGNATURES}
_COMPILED = tuple((signature, re.compile(signature.pattern)) for signature in SIGNATURES)
# One pass over the text tells whether any signature can match at all (most text: none).
_ANY_KEYWORD = re.compile(
    "|".join(re.escape(keyword) for signature in SIGNATURES for keyword in signature.keywords)
)


@dataclass(frozen=True, slots=True)
class SignatureMatch:
    family: str
    matched: str
    offset: int  # character offset in the scanned text


def has_signature_keyword(text: str) -> bool:
    return _ANY_KEYWORD.search(text) is not None


def find_signatures(code: str) -> list[SignatureMatch]:
    """Every tracker signature in `code`, in order of appearance."""
    if not _ANY_KEYWORD.search(code):
        return []
    matches: list[SignatureMatch] = []
    for signature, pattern in _COMPILED:
        if any(keyword in code for keyword in signature.keywords):
            matches.extend(
                SignatureMatch(signature.family, match.group(), match.start())
                for match in pattern.finditer(code)
            )
    matches.sort(key=lambda match: match.offset)
    return matches
