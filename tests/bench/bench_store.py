"""What the library store costs: import against bare analysis, and search speed on a big library.

Measured in one run:

  Import, on the same corpus of article files (default: the samples and the shared evaluation sets):
    (a) ``Analyzer.analyze_many(sources)`` over the texts already read, in words per second;
    (b) ``Library.import_files(paths)`` of the same files into a new, empty SQLite library, with the
        same (loaded and warmed-up) Analyzer: reading, duplicate check, analysis and saving.
    Runs are interleaved (a, b, a, b, ...) and the best of ``--repeat`` counts; each (b) run gets a new
    library file. The store's overhead is the extra time of (b) against (a) (aim: at most 10%).

  Search, on a library of ``--articles`` generated articles (no spaCy: ``Analysis`` objects are built
  from templates, with speakers from a pool of ~300, groups of the war profile, 5-15 quotes each, some
  verified or rejected), inserted through ``Store.save_analysis`` (the insert rate is reported):
    ``Library.search`` by speaker (full name, part of a name), group, status and text, with a page
    limit (``--limit``, default 200) and once without a limit; median, p95 and max of ``--queries``
    queries of each kind after a warm-up (aim: under 50 ms). The SQL of each kind is captured, timed
    alone through ``sqlite3`` (how much is SQLite, how much is building rows), and its
    ``EXPLAIN QUERY PLAN`` is printed when the kind misses the aim (for every kind with ``--explain``).

Usage::

    .venv/bin/python tests/bench/bench_store.py [DIR_OR_FILE ...] [--articles 10000] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import math
import os
import platform
import random
import shutil
import sqlite3
import statistics
import string
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from corpus import Article, article_paths, default_dirs, timed  # tests/bench/corpus.py
from sqlalchemy import event, select
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from attribview.core.analysis import AUTO, BATCH_SIZE, Analyzer
from attribview.core.library import Library
from attribview.core.types import Analysis, Quote, Sentence
from attribview.errors import InputError
from attribview.store.library import ArticleMeta, Store, reject_quote, set_verification
from attribview.store.models import Quote as QuoteModel
from attribview.textio import SourceText, read_article

WARMUP_TEXTS = 2
WARMUP_QUERIES = 5
AIM_OVERHEAD_PCT = 10.0
AIM_SEARCH_MS = 50.0
PROGRESS_EVERY = 1000
#: Quotes verified or rejected per write transaction while preparing the big library.
CHECK_BATCH = 500
WHO = "bench"


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 50 values is the 48th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# ================================================================================================ import


def load_corpus(targets: Sequence[Path]) -> tuple[list[Article], list[str]]:
    """The readable articles, without repeats of the same text (the import would skip them)."""
    articles: list[Article] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for path in article_paths(targets):
        try:
            source = read_article(path)
        except InputError as error:
            dropped.append(f"{path}: unreadable ({error})")
            continue
        digest = hashlib.sha256(source.original.encode("utf-8", "surrogatepass")).hexdigest()
        if digest in seen:
            dropped.append(f"{path}: same text as an earlier file")
            continue
        seen.add(digest)
        articles.append(Article(path, source, len(source.text.split())))
    return articles, dropped


class StoreTimer:
    """Time spent in the store's calls during an import (wraps the methods of one Store instance)."""

    METHODS = ("find_article_id", "save_analysis")

    def __init__(self, store: Store) -> None:
        self.seconds = 0.0
        self.calls = 0
        for name in self.METHODS:
            setattr(store, name, self._wrap(getattr(store, name)))

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed_call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        return timed_call


@dataclass
class ImportRun:
    analyze_s: list[float] = field(default_factory=list)
    import_s: list[float] = field(default_factory=list)
    #: Of each import run: time inside the store's calls, and opening (creating and migrating) the file.
    store_s: list[float] = field(default_factory=list)
    open_s: list[float] = field(default_factory=list)
    read_s: list[float] = field(default_factory=list)
    db_bytes: int = 0


def run_analyze(analyzer: Analyzer, sources: Sequence[SourceText], profile: str, batch_size: int) -> int:
    count = 0
    for _analysis in analyzer.analyze_many(sources, profile=profile, batch_size=batch_size):
        count += 1
    return count


def run_import(analyzer: Analyzer, paths: Sequence[Path], db: Path, profile: str,
               batch_size: int) -> tuple[float, float, float, int]:
    """Import `paths` into a new library at `db`: (open s, import s, store s, file size), then delete it."""
    remove_db(db)
    start = time.perf_counter()
    with Library.open(db, analyzer=analyzer) as library:
        opened = time.perf_counter() - start
        timer = StoreTimer(library.store)
        gc.collect()
        start = time.perf_counter()
        report = library.import_files(paths, profile=profile, batch_size=batch_size)
        elapsed = time.perf_counter() - start
    if report.failed or report.skipped or len(report.imported) != len(paths):
        raise RuntimeError(f"import of {len(paths)} files: {len(report.imported)} imported, "
                           f"skipped {report.skipped}, failed {report.failed}")
    size = db.stat().st_size
    remove_db(db)
    return opened, elapsed, timer.seconds, size


def bench_import(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    targets: list[Path] = args.targets or default_dirs()
    articles, dropped = load_corpus(targets)
    if not articles:
        raise SystemExit("no articles to import")
    for note in dropped:
        print(f"left out: {note}", file=sys.stderr)
    sources = [a.source for a in articles]
    paths = [a.path for a in articles]
    words = sum(a.words for a in articles)
    corpus: dict[str, list[int]] = {}
    for article in articles:
        entry = corpus.setdefault(str(article.path.parent), [0, 0])
        entry[0] += 1
        entry[1] += article.words

    analyzer = Analyzer(model=args.model)
    load = {"model": timed(lambda: analyzer.nlp), "profiles": timed(lambda: analyzer.profiles)}
    run_analyze(analyzer, sources[:WARMUP_TEXTS], args.profile, args.batch_size)
    # One throw-away import warms the store's code paths (mappers, migrations) once for the process.
    run_import(analyzer, paths[:WARMUP_TEXTS], workdir / "warmup.sqlite3", args.profile, args.batch_size)

    runs = ImportRun()
    for round_ in range(1, args.repeat + 1):
        gc.collect()
        elapsed = timed(lambda: run_analyze(analyzer, sources, args.profile, args.batch_size))
        runs.analyze_s.append(elapsed)
        print(f"import run {round_}/{args.repeat} (a) analyze_many {elapsed:7.2f} s", file=sys.stderr)
        opened, elapsed, in_store, size = run_import(analyzer, paths, workdir / f"import-{round_}.sqlite3",
                                                     args.profile, args.batch_size)
        runs.import_s.append(elapsed)
        runs.store_s.append(in_store)
        runs.open_s.append(opened)
        runs.db_bytes = size
        print(f"import run {round_}/{args.repeat} (b) import_files {elapsed:7.2f} s "
              f"(store {in_store:.2f} s)", file=sys.stderr)
        runs.read_s.append(timed(lambda: [read_article(p) for p in paths]))

    best_a, best_b = min(runs.analyze_s), min(runs.import_s)
    best_run = runs.import_s.index(best_b)
    return {
        "articles": len(articles), "words": words, "corpus": corpus, "left_out": dropped,
        "profile": args.profile, "batch_size": args.batch_size, "repeat": args.repeat, "load_s": load,
        "analyze_runs_s": runs.analyze_s, "import_runs_s": runs.import_s, "store_runs_s": runs.store_s,
        "open_runs_s": runs.open_s, "read_runs_s": runs.read_s,
        "analyze_best_s": best_a, "import_best_s": best_b,
        "analyze_words_per_s": words / best_a, "import_words_per_s": words / best_b,
        "overhead_pct": (best_b / best_a - 1) * 100,
        "store_in_best_import_s": runs.store_s[best_run],
        "read_best_s": min(runs.read_s), "open_best_s": min(runs.open_s),
        "db_bytes": runs.db_bytes, "aim_overhead_pct": AIM_OVERHEAD_PCT,
    }


# ======================================================================================= generated library

FIRST_NAMES = (
    "Olena Oleksandr Dmytro Iryna Andriy Nataliya Serhiy Yuliya Mykola Viktoriya Sergei Maria Dmitry Anna "
    "Alexei Elena Ivan Tatiana Yuri Svetlana John Sarah Michael Emma David Laura James Claire Peter Anne "
    "Jean Sophie Marco Giulia Hans Katrin Piotr Agnieszka Łukasz Zoë Ahmed Leila Kenji Mei Tomás Inês"
).split()
SURNAMES = (
    "Kovalenko Shevchenko Bondarenko Tkachuk Kravchenko Oliynyk Melnyk Lysenko Marchenko Rudenko Savchenko "
    "Petrenko Hrytsenko Moroz Ivanov Smirnova Kuznetsov Popova Volkov Sokolova Lebedev Kozlova Novikov "
    "Morozova Orlov Fedorova Smith Johnson Williams Brown Taylor Walker Harris Clarke Lewis Robinson "
    "Dubois Laurent Moreau Rossi Bianchi Müller Schmidt Fischer Nowak Wiśniewski Kowalczyk Šimonytė "
    "Andersson Nielsen Haddad Tanaka Chen García Fernández Okafor Mensah Van der Berg O'Neill"
).split()
INSTITUTIONS = (
    "Russian Defence Ministry", "Ukrainian General Staff", "the Kremlin", "Ukrainian armed forces",
    "Ukraine's Foreign Ministry", "Russia's Foreign Ministry", "the regional administration",
    "the city council", "the United Nations", "the International Committee of the Red Cross",
)
#: Groups of the war profile with how often a speaker belongs to each (Putin and Zelensky are set apart).
GROUP_WEIGHTS = {
    "other": 40, "local_officials": 15, "ukrainian_officials": 12, "russian_officials": 12,
    "ukrainian_military": 9, "russian_mod": 9,
}
ROLES = (
    "a spokesman for the ministry", "the regional governor", "a senior official", "the mayor",
    "a military analyst", "the commander of the brigade", "a deputy minister", "an adviser to the president",
    "a local resident", "the head of the aid group", "a spokeswoman for the army", "the foreign minister",
)
OUTLETS = ("Reuters", "AP", "BBC News", "The Guardian", "Kyiv Independent", "Meduza", "Le Monde", "DW")
STOPWORDS = (
    "the of to and in a that for on with as at by from it was is be will have has not but this their "
    "they we our after about more than were been into over its"
).split()
#: Content words, most frequent first (the search queries for "frequent" words take them from the top).
CONTENT_WORDS = (
    "forces troops attack city region government military war people talks ceasefire border front line "
    "president minister officials army drones missile strike shelling village bridge river power energy "
    "grid civilians aid humanitarian corridor evacuation negotiations sanctions weapons artillery tanks "
    "defence offensive counteroffensive positions supply routes reinforcements casualties wounded killed "
    "prisoners exchange agreement peace security council parliament election budget economy prices grain "
    "exports ports shipping sea coast fleet airfield infrastructure railway station hospital school "
    "shelter water electricity heating winter summer spring autumn morning night week month year report "
    "statement interview claims evidence investigation court crimes tribunal justice international allies "
    "partners support package funding loan reconstruction damage destroyed rebuilt residents families "
    "children volunteers soldiers commanders brigade battalion units operation mission reconnaissance "
    "intelligence surveillance satellite images footage video social media channel accounts propaganda "
    "disinformation journalists reporters press conference briefing announcement decision plan strategy "
    "pressure threat risk danger escalation withdrawal retreat advance control territory occupied liberated "
    "referendum annexation sovereignty independence diplomacy embassy ambassador delegation summit meeting "
    "leaders demands guarantees proposal response rejected accepted confirmed denied warned promised urged "
    "nuclear plant reactor inspectors agency monitoring safety radiation cooling reservoir dam flooding "
    "mines minefields demining engineers equipment vehicles ammunition shells stockpiles production "
    "factories industry workers jobs refugees displaced migration return homes apartments blocks streets"
).split()
SYLLABLES = "ka ro vi len dor mi sta bel gra nov ost pol zar tin ve lu sk mar dan ho rin bur ze chi".split()
RARE_WORDS = 3000
TEMPLATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (kind, sentence with {q} quote, {s} speaker, {c} cue and {r} role, cue words)
    ("direct", '"{q}," {s} {c}.', ("said", "added", "warned", "insisted")),
    ("direct", '"{q}," {c} {s}, {r}.', ("said", "added")),
    ("direct", '{s} {c} reporters: "{q}."', ("told",)),
    ("direct", '"{q}," {s}, {r}, {c} on Tuesday.', ("said", "wrote")),
    ("indirect", "{s} {c} {q}.", ("said", "claimed", "stated", "warned")),
    ("indirect", "{s}, {r}, {c} that {q}.", ("said", "announced", "confirmed")),
    ("according_to", "{c} {s}, {q}.", ("According to",)),
    ("mixed", '{s} {c} that {q}.', ("said", "insisted")),
)
KIND_WEIGHTS = (20, 10, 8, 7, 18, 17, 10, 10)
STATUS_SHARES = {"verified": 0.04, "in_progress": 0.02, "disputed": 0.015, "false": 0.01,
                 "inconclusive": 0.01, "unverified": 0.005}
REJECTED_SHARE = 0.01


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    group: str


def zipf_cumulative(count: int, exponent: float = 1.0) -> list[float]:
    """Cumulative weights of ranks 1..count with frequency proportional to rank ** -exponent."""
    total = 0.0
    cumulative: list[float] = []
    for rank in range(1, count + 1):
        total += rank ** -exponent
        cumulative.append(total)
    return cumulative


class Generator:
    """Random but reproducible articles, already analysed: what the engine would have stored."""

    def __init__(self, seed: int, speakers: int = 300) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        people = [Person("Vladimir Putin", "Putin", "putin"),
                  Person("Volodymyr Zelensky", "Zelensky", "zelensky")]
        people += [Person(name, name, rng.choices(list(GROUP_WEIGHTS),
                                                              list(GROUP_WEIGHTS.values()))[0])
                   for name in INSTITUTIONS]
        pairs = [(first, last) for first in FIRST_NAMES for last in SURNAMES]
        rng.shuffle(pairs)
        for first, last in pairs[:speakers - len(people)]:
            people.append(Person(f"{first} {last}", last,
                                 rng.choices(list(GROUP_WEIGHTS), list(GROUP_WEIGHTS.values()))[0]))
        # Putin and Zelensky first: the most quoted; the others in random order of prominence.
        tail = people[2:]
        rng.shuffle(tail)
        self.people = people[:2] + tail
        self.people_weights = zipf_cumulative(len(self.people))
        rare: set[str] = set()
        while len(rare) < RARE_WORDS:
            rare.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))))
        self.rare_words = sorted(rare)
        rng.shuffle(self.rare_words)
        self.vocabulary = [*CONTENT_WORDS, *self.rare_words]
        self.vocabulary_weights = zipf_cumulative(len(self.vocabulary))
        self.articles = 0

    # ------------------------------------------------------------------------------------------- words

    def words(self, count: int) -> list[str]:
        rng = self.rng
        content = rng.choices(self.vocabulary, cum_weights=self.vocabulary_weights, k=count)
        return [rng.choice(STOPWORDS) if rng.random() < 0.35 else word for word in content]

    def clause(self, low: int, high: int) -> str:
        return " ".join(self.words(self.rng.randint(low, high)))

    def narration(self) -> str:
        sentence = self.clause(8, 25)
        return sentence[0].upper() + sentence[1:] + "."

    # ----------------------------------------------------------------------------------------- article

    def article(self) -> tuple[ArticleMeta, Analysis]:
        rng = self.rng
        self.articles += 1
        profile = "war" if rng.random() < 0.7 else None
        parts: list[str] = []
        length = 0

        def add(piece: str) -> tuple[int, int]:
            nonlocal length
            start = length
            parts.append(piece)
            length += len(piece)
            return start, length

        title = self.clause(5, 10)
        title = title[0].upper() + title[1:]
        add(f"{title}\n\n")
        quotes: list[Quote] = []
        sentences: list[Sentence] = []
        for _ in range(rng.randint(5, 15)):
            for _ in range(rng.randint(1, 3)):
                start, _end = add(self.narration())
                sentences.append(Sentence(start, length))
                add(" ")
            quote = self.quote(profile, add)
            quotes.append(quote)
            sentences.append(Sentence(quote.start, quote.end, (quote.group,) if quote.group else ()))
            add("\n\n" if rng.random() < 0.5 else " ")
        meta = ArticleMeta(title=title, outlet=rng.choice(OUTLETS),
                           published=dt.date(2022, 2, 24) + dt.timedelta(days=rng.randrange(1200)))
        return meta, Analysis(text="".join(parts), profile=profile, quotes=tuple(quotes),
                              sentences=tuple(sentences))

    def quote(self, profile: str | None, add: Callable[[str], tuple[int, int]]) -> Quote:
        rng = self.rng
        kind, template, cues = rng.choices(TEMPLATES, KIND_WEIGHTS)[0]
        anonymous = rng.random() < 0.05
        if anonymous:
            person = None
            mention = rng.choice(("a source close to the talks", "an official", "one resident"))
        else:
            person = rng.choices(self.people, cum_weights=self.people_weights)[0]
            mention = person.name if rng.random() < 0.7 else person.surname
        content = self.clause(6, 28)
        if kind == "direct":
            content = content[0].upper() + content[1:]
        elif kind == "mixed":
            content = f'{self.clause(3, 10)} "{self.clause(4, 14)}"'
        if template.startswith("{s}"):
            mention = mention[0].upper() + mention[1:]
        spans: dict[str, tuple[int, int]] = {}
        for literal, name, _spec, _conversion in string.Formatter().parse(template):
            add(literal)
            if name is None:
                continue
            value = {"q": content, "s": mention, "c": rng.choice(cues), "r": rng.choice(ROLES)}[name]
            spans[name] = add(value)
        group = (person.group if person else "other") if profile else None
        start, end = spans["q"]
        return Quote(start=start, end=end, text=content, speaker=person.name if person else None, group=group,
                     kind=kind, confidence=round(rng.uniform(0.5, 0.99), 2), cue_start=spans["c"][0],
                     cue_end=spans["c"][1], source_start=spans["s"][0], source_end=spans["s"][1],
                     mention=mention, flags=("anonymous",) if anonymous else ())


def check_analysis(analysis: Analysis) -> None:
    """The generator's offsets must be right, or the library would not be realistic."""
    for quote in analysis.quotes:
        if analysis.text[quote.start:quote.end] != quote.text:
            raise AssertionError(f"bad offsets {quote.start}:{quote.end} for {quote.text!r}")


def fill_library(library: Library, generator: Generator, count: int) -> dict[str, float]:
    """Generate and save `count` articles, one transaction each; then verify and reject some quotes."""
    generate_s = save_s = 0.0
    quotes = 0
    for done in range(1, count + 1):
        start = time.perf_counter()
        meta, analysis = generator.article()
        generate_s += time.perf_counter() - start
        if done == 1:
            check_analysis(analysis)
        start = time.perf_counter()
        library.store.save_analysis(meta, analysis)
        save_s += time.perf_counter() - start
        quotes += len(analysis.quotes)
        if done % PROGRESS_EVERY == 0:
            print(f"library: {done}/{count} articles saved, {done / save_s:.0f} articles/s", file=sys.stderr)

    rng = random.Random(generator.rng.random())
    ids: list[int] = library.store.read(lambda s: list(s.scalars(select(QuoteModel.id))))
    statuses = list(STATUS_SHARES)
    checks = [(quote_id, rng.choices(statuses, list(STATUS_SHARES.values()))[0])
              for quote_id in rng.sample(ids, round(len(ids) * sum(STATUS_SHARES.values())))]
    rejects = rng.sample(ids, round(len(ids) * REJECTED_SHARE))

    def check(batch: Sequence[tuple[int, str]], rejected: Sequence[int]) -> Callable[[Session], None]:
        def run(session: Session) -> None:
            for quote_id, status in batch:
                set_verification(session, quote_id, status, who=WHO)
            for quote_id in rejected:
                reject_quote(session, quote_id, who=WHO)

        return run

    start = time.perf_counter()
    for offset in range(0, max(len(checks), len(rejects)), CHECK_BATCH):
        library.store.write(check(checks[offset:offset + CHECK_BATCH], rejects[offset:offset + CHECK_BATCH]))
    check_s = time.perf_counter() - start
    return {"articles": count, "quotes": quotes, "generate_s": generate_s, "save_s": save_s,
            "verified": len(checks), "rejected": len(rejects), "check_s": check_s}


# ================================================================================================ search


@dataclass
class QueryKind:
    key: str
    label: str
    queries: list[dict[str, Any]]
    limit: int | None
    times: list[float] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    statements: list[list[tuple[str, Any]]] = field(default_factory=list)  # each search's SELECTs
    sqlite_times: list[float] = field(default_factory=list)
    plan: list[str] = field(default_factory=list)


class SqlCapture:
    """Records the SQL that SQLAlchemy sends while switched on (for every engine of the process)."""

    def __init__(self) -> None:
        self.active = False
        self.statements: list[tuple[str, Any]] = []
        event.listen(Engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                _many: bool) -> None:
        if self.active and statement.lstrip().upper().startswith("SELECT"):
            self.statements.append((statement, parameters))

    def close(self) -> None:
        event.remove(Engine, "before_cursor_execute", self._record)


def query_kinds(generator: Generator, count: int, limit: int, seed: int) -> list[QueryKind]:
    """The searches a user of a big library makes, `count` of each kind, drawn at random."""
    rng = random.Random(seed)
    names = [p.name for p in generator.people]
    surnames = [p.surname for p in generator.people if p.surname != p.name and p.surname.isascii()]

    def fragment() -> str:
        surname = rng.choice(surnames).lower()
        start = rng.randrange(max(1, len(surname) - 3))
        return surname[start:start + 4]

    groups = [*GROUP_WEIGHTS, "putin", "zelensky"]
    checked = [s for s in STATUS_SHARES if s != "unverified"]
    frequent = CONTENT_WORDS[2:40]
    rare = generator.rare_words[len(generator.rare_words) // 2:]

    def draw(make: Callable[[], dict[str, Any]]) -> list[dict[str, Any]]:
        return [make() for _ in range(count + WARMUP_QUERIES)]

    return [
        QueryKind("speaker", "speaker, full name", draw(lambda: {"speaker": rng.choice(names)}), limit),
        QueryKind("speaker~", "speaker, 4 letters of a surname", draw(lambda: {"speaker": fragment()}),
                  limit),
        QueryKind("group", "group", draw(lambda: {"group": rng.choice(groups)}), limit),
        QueryKind("status", "status unverified (most quotes)", draw(lambda: {"status": "unverified"}), limit),
        QueryKind("status!", "status verified/disputed/... (few)",
                  draw(lambda: {"status": rng.choice(checked)}), limit),
        QueryKind("text", "text, a frequent word", draw(lambda: {"text": rng.choice(frequent)}), limit),
        QueryKind("text~", "text, a rare word", draw(lambda: {"text": rng.choice(rare)}), limit),
        QueryKind("text0", "text, no match", draw(lambda: {"text": f"zq{rng.randrange(10**6)}x"}), limit),
        QueryKind("speaker*", "speaker, full name, no limit", draw(lambda: {"speaker": rng.choice(names)}),
                  None),
    ]


def explain(connection: sqlite3.Connection, statement: str, parameters: Any) -> list[str]:
    """EXPLAIN QUERY PLAN as indented lines."""
    rows = connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
    depth: dict[int, int] = {0: -1}
    lines: list[str] = []
    for node, parent, _unused, detail in rows:
        depth[node] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node] + detail)
    return lines


def run_searches(library: Library, kinds: Sequence[QueryKind], capture: SqlCapture) -> None:
    """Time every kind, interleaved (one query of each kind in turn), then capture and time its SQL."""
    for kind in kinds:  # warm-up
        for query in kind.queries[:WARMUP_QUERIES]:
            library.search(**query, limit=kind.limit)
    timed_queries = len(kinds[0].queries) - WARMUP_QUERIES
    for index in range(WARMUP_QUERIES, WARMUP_QUERIES + timed_queries):
        for kind in kinds:
            start = time.perf_counter()
            found = library.search(**kind.queries[index], limit=kind.limit)
            kind.times.append(time.perf_counter() - start)
            kind.rows.append(len(found))
    for kind in kinds:
        for query in kind.queries[WARMUP_QUERIES:]:
            capture.statements.clear()
            capture.active = True
            library.search(**query, limit=kind.limit)
            capture.active = False
            if not 1 <= len(capture.statements) <= 2:  # a text search may ask the index how frequent it is
                raise RuntimeError(f"{kind.key}: expected one or two SELECTs, captured "
                                   f"{len(capture.statements)}")
            kind.statements.append(list(capture.statements))


def time_sqlite(db: Path, kinds: Sequence[QueryKind]) -> None:
    """The same SQL through a plain sqlite3 connection: what SQLite alone costs, and its query plan."""
    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for kind in kinds:
            for search in kind.statements[:WARMUP_QUERIES]:
                for statement, parameters in search:
                    connection.execute(statement, parameters).fetchall()
            for search in kind.statements:
                start = time.perf_counter()
                for statement, parameters in search:
                    connection.execute(statement, parameters).fetchall()
                kind.sqlite_times.append(time.perf_counter() - start)
            kind.plan = explain(connection, *kind.statements[0][-1])
    finally:
        connection.close()


def scalar(store: Store, statement: str) -> Any:
    """One value read through the store's own connection (so its pragmas apply)."""

    def run(session: Session) -> Any:
        return session.execute(sql_text(statement)).scalar()

    return store.read(run)


def bench_search(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    db = args.keep_library or workdir / "big.sqlite3"
    if db.exists():
        raise SystemExit(f"{db} exists; give a new file to --keep-library")
    generator = Generator(args.seed)
    capture = SqlCapture()
    start = time.perf_counter()
    library = Library.open(db)
    opened = time.perf_counter() - start
    try:
        filled = fill_library(library, generator, args.articles)
        pragmas = {name: scalar(library.store, f"PRAGMA {name}")
                   for name in ("journal_mode", "synchronous", "cache_size", "page_size")}
        speakers = scalar(library.store, "SELECT count(*) FROM speaker")
        kinds = query_kinds(generator, args.queries, args.limit, args.seed + 1)
        run_searches(library, kinds, capture)
    finally:
        library.store.close()
        capture.close()
    time_sqlite(db, kinds)
    results: list[dict[str, Any]] = []
    for kind in kinds:
        median_ms = statistics.median(kind.times) * 1000
        p95_ms = percentile(kind.times, 0.95) * 1000
        results.append({
            "key": kind.key, "query": kind.label, "limit": kind.limit, "queries": len(kind.times),
            "median_ms": median_ms, "p95_ms": p95_ms, "max_ms": max(kind.times) * 1000,
            "sqlite_median_ms": statistics.median(kind.sqlite_times) * 1000,
            "rows_mean": statistics.fmean(kind.rows), "rows_max": max(kind.rows),
            "over_aim": p95_ms > AIM_SEARCH_MS, "plan": kind.plan, "sql": kind.statements[0][-1][0],
            "example": kind.queries[WARMUP_QUERIES],
        })
    return {
        "db": str(db), "kept": args.keep_library is not None, "open_s": opened, "db_bytes": db.stat().st_size,
        "speaker_rows": speakers, "pragmas": pragmas, **filled,
        "insert_articles_per_s": filled["articles"] / filled["save_s"],
        "insert_quotes_per_s": filled["quotes"] / filled["save_s"],
        "aim_ms": AIM_SEARCH_MS, "results": results,
    }


# ================================================================================================ report


def filesystem(path: Path) -> str:
    """The type of the file system holding `path` (Linux only; "?" elsewhere)."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "?"
    best, kind = "", "?"
    resolved = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) > 2 and (resolved == fields[1] or resolved.startswith(fields[1].rstrip("/") + "/")) \
                and len(fields[1]) >= len(best):
            best, kind = fields[1], fields[2]
    return kind


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def machine(workdir: Path) -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(), "cpu": cpu_model(), "python": platform.python_version(),
        "platform": platform.platform(), "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": metadata.version("sqlalchemy"), "spacy": metadata.version("spacy"),
        "workdir": str(workdir), "filesystem": filesystem(workdir),
    }


def print_import(report: dict[str, Any]) -> None:
    print(f"IMPORT  corpus: {report['articles']} articles, {report['words']:,} words "
          f"(profile {report['profile']!r}, batch {report['batch_size']}, best of {report['repeat']} "
          "interleaved runs)")
    for folder, (count, words) in report["corpus"].items():
        print(f"  {count:4d} articles {words:8,d} words  {folder}")
    for note in report["left_out"]:
        print(f"  left out: {note}")
    load = report["load_s"]
    print(f"  model load {load['model']:.2f} s, profiles {load['profiles']:.2f} s; "
          f"new library (create + migrate) {report['open_best_s'] * 1000:.0f} ms  [not in the timings]")
    print()
    print(f"  {'':5}{'':34}{'best s':>8}{'spread':>8}{'words/s':>10}{'vs (a)':>9}")
    rows = (("(a)", "analyze_many (texts in memory)", report["analyze_runs_s"]),
            ("(b)", "Library.import_files (new db)", report["import_runs_s"]))
    for key, label, runs in rows:
        best = min(runs)
        spread = (max(runs) / best - 1) * 100
        versus = "-" if key == "(a)" else f"{report['overhead_pct']:+.1f}%"
        print(f"  {key:5}{label:34}{best:8.2f}{spread:7.1f}%{report['words'] / best:10,.0f}{versus:>9}")
    best_b = report["import_best_s"]
    in_store = report["store_in_best_import_s"]
    print()
    best_a = report["analyze_best_s"]
    spread = max((max(runs) / min(runs) - 1) * 100 for _key, _label, runs in rows)
    print(f"  (b) - (a) = {best_b - best_a:.2f} s; inside the best (b) run the store's calls "
          f"(duplicate check + save) took {in_store:.2f} s = {in_store / best_a * 100:.1f}% of (a),")
    print(f"  reading the files {report['read_best_s']:.2f} s (measured apart); any other gap between the "
          "two is the runs' noise")
    print(f"  library file after import: {report['db_bytes'] / 1e6:.1f} MB")
    verdict = "met" if report["overhead_pct"] <= report["aim_overhead_pct"] else "MISSED"
    print(f"  aim: import at most {report['aim_overhead_pct']:.0f}% slower than analysis alone: {verdict} "
          f"({report['overhead_pct']:+.1f}%; store calls alone {in_store / best_a * 100:.1f}%)")
    if spread >= abs(report["overhead_pct"] - report["aim_overhead_pct"]):
        print(f"  note: runs spread by up to {spread:.1f}%, as much as the distance to the aim; "
              "raise --repeat")


def print_search(report: dict[str, Any], explain_all: bool) -> None:
    print(f"SEARCH  library: {report['articles']:,} generated articles, {report['quotes']:,} quotes, "
          f"{report['speaker_rows']} speaker rows, {report['db_bytes'] / 1e6:.0f} MB"
          + (f" (kept at {report['db']})" if report["kept"] else ""))
    print(f"  insert through Store.save_analysis: {report['save_s']:.1f} s = "
          f"{report['insert_articles_per_s']:,.0f} articles/s, {report['insert_quotes_per_s']:,.0f} quotes/s "
          f"(one transaction per article; generating the analyses took {report['generate_s']:.1f} s more)")
    print(f"  then {report['verified']:,} quotes verified (various statuses) and {report['rejected']:,} "
          f"rejected in {report['check_s']:.1f} s")
    pragmas = report["pragmas"]
    print(f"  journal_mode {pragmas['journal_mode']}, synchronous {pragmas['synchronous']}, "
          f"cache_size {pragmas['cache_size']}, page_size {pragmas['page_size']}")
    print()
    print(f"  {'':9}{'query':36}{'limit':>6}{'median':>8}{'p95':>8}{'max':>8}{'SQLite':>8}{'rows':>8}  aim")
    print(f"  {'':9}{'':36}{'':>6}{'ms':>8}{'ms':>8}{'ms':>8}{'med ms':>8}{'mean':>8}")
    for row in report["results"]:
        limit = "-" if row["limit"] is None else str(row["limit"])
        aim = "OVER" if row["over_aim"] else "ok"
        print(f"  {row['key']:9}{row['query']:36}{limit:>6}{row['median_ms']:8.1f}{row['p95_ms']:8.1f}"
              f"{row['max_ms']:8.1f}{row['sqlite_median_ms']:8.1f}{row['rows_mean']:8.0f}  {aim}")
    print()
    print(f"  {report['results'][0]['queries']} queries of each kind after {WARMUP_QUERIES} warm-up ones, "
          "interleaved; aim: p95 under "
          f"{report['aim_ms']:.0f} ms. SQLite med ms: the same SQL alone through sqlite3 (the rest is "
          "SQLAlchemy and building rows).")
    over = [row for row in report["results"] if row["over_aim"] or explain_all]
    for row in over:
        print()
        print(f"  query plan of {row['key']} ({row['query']}), e.g. search({row['example']}):")
        for line in row["plan"]:
            print(f"    {line}")


def print_report(report: dict[str, Any], explain_all: bool) -> None:
    info = report["machine"]
    print(f"machine: {info['cpus']} CPUs ({info['cpu']}), {info['platform']}")
    print(f"Python {info['python']}, SQLite {info['sqlite']}, SQLAlchemy {info['sqlalchemy']}, "
          f"spaCy {info['spacy']}; files in {info['workdir']} ({info['filesystem']})")
    if "import" in report:
        print()
        print_import(report["import"])
    if "search" in report:
        print()
        print_search(report["search"], explain_all)


# ================================================================================================== main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("targets", nargs="*", type=Path, metavar="DIR",
                        help="folders of *.txt articles, or article files, for the import measurement "
                             "(default: the samples and the shared evaluation sets that exist)")
    parser.add_argument("--articles", type=int, default=10_000,
                        help="articles in the generated library for the search measurement (default 10000)")
    parser.add_argument("--queries", type=int, default=50, help="timed queries of each kind (default 50)")
    parser.add_argument("--limit", type=int, default=200, help="rows per search page (default 200)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed import runs of each kind; the best counts (default 3)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                        help=f"articles per analysis batch (default {BATCH_SIZE}, attribview's)")
    parser.add_argument("--profile", default=AUTO, help="profile for the import (default: auto)")
    parser.add_argument("--model", default=None, help="spaCy model (default: the one attribview loads)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated library and queries")
    parser.add_argument("--tmpdir", type=Path, default=None,
                        help="where the temporary libraries go (default: the system's temporary folder)")
    parser.add_argument("--keep-library", type=Path, default=None, metavar="PATH",
                        help="build the generated library at PATH (a new file) and keep it")
    parser.add_argument("--skip-import", action="store_true", help="only the search measurement")
    parser.add_argument("--skip-search", action="store_true", help="only the import measurement")
    parser.add_argument("--explain", action="store_true",
                        help="print the query plan of every search kind, not only of those over the aim")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    args = parser.parse_args(argv)
    if min(args.articles, args.queries, args.limit, args.repeat, args.batch_size) < 1:
        parser.error("--articles, --queries, --limit, --repeat and --batch-size must be at least 1")
    if args.skip_import and args.skip_search:
        parser.error("nothing to do with both --skip-import and --skip-search")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="attribview-bench-", dir=args.tmpdir))
    try:
        report: dict[str, Any] = {"machine": machine(workdir)}
        if not args.skip_import:
            report["import"] = bench_import(args, workdir)
        if not args.skip_search:
            report["search"] = bench_search(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2, default=str))
    else:
        print_report(report, args.explain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
