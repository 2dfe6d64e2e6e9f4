"""Synthetic blog content for the benchmarks: deterministic, realistic, and valid for strict builds.

The articles look like a real small-business blog (headings, paragraphs, lists, links to earlier
posts and to other sites, inline and fenced code, quotes), spread over fifteen years in five
categories with tags, so that every part of the build (Markdown, summaries, period archives,
pagination, taxonomies, the audit) does the work it would do on a real site. The same seed always
gives the same bytes, so two runs and two machines time the same thing.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

FIRST_DAY = datetime(2010, 1, 1, 8, 0)
YEARS = 15
CATEGORIES = ("Privacy", "Shop news", "Guides", "Security", "Behind the scenes")
TAGS = (
    "customers", "small business", "privacy", "cookies", "email", "newsletters", "shipping",
    "payments", "passwords", "backups", "encryption", "gdpr", "analytics", "suppliers", "returns",
    "invoices", "hosting", "web design", "photography", "packaging", "support", "checkout",
    "accessibility", "performance", "spam", "phishing", "retention", "consent", "contracts",
    "staff", "training", "open source", "printing", "markets", "seasonal", "gift cards",
    "reviews", "social media", "search", "local",
)  # fmt: skip
WORDS = (
    "customer", "order", "privacy", "data", "shop", "trust", "email", "address", "package",
    "delivery", "invoice", "payment", "account", "password", "policy", "consent", "cookie",
    "browser", "server", "backup", "supplier", "receipt", "parcel", "stock", "catalogue", "price",
    "newsletter", "review", "question", "answer", "team", "week", "season", "market", "product",
    "service", "promise", "detail", "record", "request", "reply", "checkout", "basket", "label",
    "carrier", "return", "refund", "warranty", "workshop", "counter", "window", "street", "town",
    "neighbour", "visitor", "reader", "owner", "habit", "rule", "step", "tool", "page", "form",
    "keeps", "asks", "sends", "stores", "deletes", "checks", "answers", "ships", "packs", "writes",
    "reads", "shares", "protects", "explains", "remembers", "forgets", "counts", "builds",
    "careful", "simple", "quiet", "honest", "small", "local", "friendly", "secure", "clear",
    "short", "plain", "useful", "private", "public", "old", "new", "early", "late", "every",
    "the", "a", "our", "your", "their", "each", "this", "that", "with", "without", "for", "from",
    "about", "after", "before", "because", "while", "when", "only", "never", "always", "often",
    "and", "but", "so", "then", "also", "still", "again", "here", "there", "today",
)  # fmt: skip
LANGUAGES = {
    "python": (
        "def {name}(orders):\n"
        '    """Keep only what the {noun} needs."""\n'
        "    kept = [o for o in orders if o.paid]\n"
        "    for order in kept:\n"
        "        order.email = None  # we do not need it after delivery\n"
        "    return kept\n"
    ),
    "bash": (
        "# nightly {noun} backup, encrypted before it leaves the shop\n"
        "tar -czf /tmp/{name}.tar.gz /srv/shop/data\n"
        "gpg --encrypt --recipient backup@example.org /tmp/{name}.tar.gz\n"
        "rm -f /tmp/{name}.tar.gz\n"
    ),
    "yaml": ("{name}:\n  keep_for_days: 30\n  purpose: answer the {noun}\n  shared_with: []\n"),
}


@dataclass(frozen=True)
class Article:
    """One synthetic article: where it goes under content/ and its Markdown text."""

    relative_path: str
    text: str


class Writer:
    """Writes sentences, paragraphs and whole articles from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def words(self, low: int, high: int) -> list[str]:
        return [self.random.choice(WORDS) for _ in range(self.random.randint(low, high))]

    def title(self, number: int) -> str:
        words = self.words(3, 7)
        # The number keeps titles, hence slugs and output paths, unique.
        return " ".join(words).capitalize() + f" ({number})"

    def sentence(self) -> str:
        words = self.words(6, 16)
        if self.random.random() < 0.15:
            i = self.random.randrange(len(words))
            words[i] = f"*{words[i]}*"
        if self.random.random() < 0.1:
            i = self.random.randrange(len(words))
            words[i] = f"`{words[i]}`"
        return " ".join(words).capitalize() + self.random.choice(".....?!")

    def paragraph(self, links: list[str]) -> str:
        sentences = [self.sentence() for _ in range(self.random.randint(3, 6))]
        if links and self.random.random() < 0.5:
            target = self.random.choice(links)
            label = " ".join(self.words(2, 4))
            sentences.insert(self.random.randrange(len(sentences)), f"See [{label}]({target}).")
        if self.random.random() < 0.15:
            page = "-".join(self.words(1, 3))
            sentences.append(f"The [{page} guide](https://example.org/{page}/) explains more.")
        return " ".join(sentences)

    def bullet_list(self) -> str:
        marker = "1." if self.random.random() < 0.4 else "-"
        items = [" ".join(self.words(3, 10)).capitalize() for _ in range(self.random.randint(3, 7))]
        return "\n".join(f"{marker} {item}" for item in items)

    def code_block(self) -> str:
        language = self.random.choice(sorted(LANGUAGES))
        name = "_".join(self.words(2, 3))
        body = LANGUAGES[language].format(name=name, noun=self.random.choice(WORDS))
        return f"```{language}\n{body}```"

    def quote(self) -> str:
        return "> " + self.sentence()

    def body(self, links: list[str]) -> str:
        blocks = [self.paragraph(links)]
        for _ in range(self.random.randint(2, 5)):
            heading = " ".join(self.words(2, 6)).capitalize()
            blocks.append(f"## {heading}")
            for _ in range(self.random.randint(1, 3)):
                blocks.append(self.paragraph(links))
            roll = self.random.random()
            if roll < 0.45:
                blocks.append(self.bullet_list())
            elif roll < 0.7:
                blocks.append(self.code_block())
            elif roll < 0.8:
                blocks.append(self.quote())
            if self.random.random() < 0.2:
                blocks.append(f"### {' '.join(self.words(2, 5)).capitalize()}")
                blocks.append(self.paragraph(links))
        return "\n\n".join(blocks) + "\n"


def article_dates(rng: random.Random, count: int) -> list[datetime]:
    """``count`` distinct publication times spread over YEARS years, oldest first."""
    minutes = YEARS * 365 * 24 * 60
    chosen = sorted(rng.sample(range(minutes), count))
    return [FIRST_DAY + timedelta(minutes=m) for m in chosen]


def generate(count: int, seed: int = 2012) -> list[Article]:
    """``count`` articles, identical for identical arguments."""
    writer = Writer(seed)
    dates = article_dates(writer.random, count)
    articles: list[Article] = []
    for number, date in enumerate(dates, start=1):
        title = writer.title(number)
        category = CATEGORIES[writer.random.randrange(len(CATEGORIES))]
        tags = writer.random.sample(TAGS, writer.random.randint(1, 4))
        earlier = [f"{{filename}}/{a.relative_path}" for a in articles[-40:]]
        links = writer.random.sample(earlier, min(3, len(earlier)))
        header = [
            f"Title: {title}",
            f"Date: {date:%Y-%m-%d %H:%M}",
            f"Category: {category}",
            f"Tags: {', '.join(tags)}",
        ]
        if writer.random.random() < 0.3:
            header.append(f"Summary: {writer.sentence()}")
        text = "\n".join(header) + "\n\n" + writer.body(links)
        path = f"articles/{date:%Y}/bench-{number:05d}.md"
        articles.append(Article(path, text))
    return articles


def write_content(site_content: Path, destination: Path, count: int, seed: int = 2012) -> Path:
    """A copy of the site's content folder (pages, privacy.yml...) plus ``count`` articles."""
    shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(site_content, destination)
    for article in generate(count, seed):
        path = destination / article.relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article.text, encoding="utf-8")
    return destination


def edit_one_article(content: Path, round_number: int) -> Path:
    """Change one article's text, as an owner fixing a typo would; returns the file changed."""
    candidates = sorted((content / "articles").rglob("bench-*.md"))
    path = candidates[len(candidates) // 2]  # mid-archive: it has neighbours on both sides
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\nEdited again, edit number {round_number}.\n", encoding="utf-8")
    return path
