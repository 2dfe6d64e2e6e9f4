"""Facts about the built site that the declaration alone cannot tell, for the policy's wording.

- Which fields a form requires: GDPR Art. 13(2)(e) asks whether people must give
  the data and what happens if they do not; for a purpose with a form, the answer
  follows from the real form. The contact form plugin knows its fields; the
  Pelican glue passes them here, so the engine stays free of Pelican.
- Whether the site has its own search: the words typed into it reach the site's server
  (which stores and logs none of them), and the policy says so.
- Which recipients the browser contacts: a recipient's declared hosts say which
  servers pages may make the browser contact, and the privacy guard's audit of the
  build says which ones they do. The policy describes as contacted by the browser
  only those the audit saw (issue 13, defect 9); before an audit (a policy
  release, a build without the guard) the declared hosts stand for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from declaration import Declaration, Recipient


@dataclass(frozen=True)
class FormFields:
    required: tuple[str, ...]  # the labels of required fields, as the form shows them
    optional: tuple[str, ...]


Forms = Mapping[str, FormFields]


@dataclass(frozen=True)
class SiteFacts:
    forms: Forms = field(default_factory=dict)
    # The same forms with their labels as each language's form shows them (the theme's
    # catalogues translate the kit's labels), by language tag; `forms` for any other language.
    forms_by_language: Mapping[str, Forms] = field(default_factory=dict)
    # Ids of the recipients whose hosts this build's pages make the browser contact, from the
    # privacy guard's audit; None when there was no audit.
    contacted: frozenset[str] | None = None
    # The site has a search form that its own server answers (plugins/site_search): what people
    # type there reaches the server, which keeps none of it.
    search: bool = False

    def browser_contacts(self, declaration: Declaration) -> list[Recipient]:
        """The recipients whose servers the browser connects to on this site."""
        if self.contacted is None:
            return [r for r in declaration.recipients if r.hosts]
        return [r for r in declaration.recipients if r.hosts and r.id in self.contacted]

    def forms_in(self, language: str) -> Forms:
        """The forms as the pages in `language` name their fields."""
        return self.forms_by_language.get(language, self.forms)

    def key(self) -> str:
        """What distinguishes these facts from others, as text (for caches)."""
        contacted = sorted(self.contacted) if self.contacted is not None else None
        by_language = sorted((k, sorted(v.items())) for k, v in self.forms_by_language.items())
        return repr((sorted(self.forms.items()), contacted, self.search, by_language))


NO_FACTS = SiteFacts()
