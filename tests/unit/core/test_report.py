"""The sourcing report on the real model: content, escaping of hostile articles, balance figures."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import pytest

from attribview.core.analysis import Analyzer
from attribview.core.balance import compute_balance
from attribview.core.highlight import tint
from attribview.core.profiles import Profile
from attribview.core.report import render_report, statuses_by_span
from attribview.core.types import Analysis
from attribview.paths import resources_dir
from attribview.textio import prepare_text, read_article

SAMPLE = resources_dir() / "samples" / "frontline-report.txt"
VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "rect", "path", "circle", "line", "col", "wbr"})


class _Page(HTMLParser):
    """Parses a report, checking that every element is closed in order, and collects what a test needs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, css_class: str) -> list[dict[str, str]]:
        return [attrs for t, attrs in self.elements
                if t == tag and css_class in attrs.get("class", "").split()]


@pytest.fixture(scope="module")
def sample(analyzer: Analyzer) -> tuple[Analysis, Profile]:
    analysis = analyzer.analyze(read_article(SAMPLE), readable=True)
    assert analysis.profile is not None
    return analysis, analyzer.profiles[analysis.profile]


@pytest.fixture(scope="module")
def report(sample: tuple[Analysis, Profile]) -> str:
    analysis, profile = sample
    return render_report(analysis, title="Frontline report", profile=profile, statuses={1: "verified"})


@pytest.fixture(scope="module")
def page(report: str) -> _Page:
    return _Page(report)


def test_report_is_well_formed_and_self_contained(report: str, page: _Page) -> None:
    assert report.startswith("<!DOCTYPE html>")
    assert page.problems == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", report)
    assert "@import" not in report and "<script" not in report and "<link" not in report
    assert "@media print" in report and "print-color-adjust: exact" in report


def test_legend_has_every_group_with_counts(sample: tuple[Analysis, Profile], page: _Page) -> None:
    _, profile = sample
    legend = page.having("li", "legend-item")
    assert [item["data-group"] for item in legend if "data-group" in item] == [g.id for g in profile.groups]
    text = " ".join(page.text)
    for group in profile.groups:
        assert group.label in text
    assert "7 sentences · 7 quotes" in text  # Regional / local officials


def test_one_table_row_per_quote_with_its_speaker(sample: tuple[Analysis, Profile], report: str,
                                                  page: _Page) -> None:
    analysis, _ = sample
    rows = re.findall(r'<tr class="quote-row">.*?</tr>', report, flags=re.DOTALL)
    assert len(rows) == len(page.having("tr", "quote-row")) == len(analysis.quotes) > 20
    for row, quote in zip(rows, analysis.quotes, strict=True):
        assert quote.speaker is not None
        row_text = _Page(row).text
        assert quote.speaker in row_text
    assert "verified" in _Page(rows[1]).text
    assert all("unverified" in _Page(row).text for index, row in enumerate(rows) if index != 1)


def test_chart_has_a_bar_per_group_and_narration(sample: tuple[Analysis, Profile], page: _Page) -> None:
    _, profile = sample
    bars = page.having("rect", "bar")
    assert [bar.get("data-group") for bar in bars[:-1]] == [g.id for g in profile.groups]
    assert "narration" in bars[-1]["class"]
    widths = {bar.get("data-group"): int(bar["width"]) for bar in bars[:-1]}
    assert widths["local_officials"] > widths["russian_mod"] > widths["putin"]


def test_article_highlights_use_blended_group_colours(sample: tuple[Analysis, Profile], report: str,
                                                      page: _Page) -> None:
    analysis, profile = sample
    attributed = [s for s in analysis.sentences if s.groups and analysis.text[s.start:s.end].strip('"“” ')]
    assert len(page.having("span", "att")) >= len(attributed)
    assert len(page.having("span", "cue")) >= sum(1 for q in analysis.quotes if q.cue_start is not None)
    assert page.having("strong", "src")
    assert len([s for s in page.having("span", "plain") if s.get("title") == "A claim nobody signs"]) == 2
    assert len(page.having("span", "hedge")) >= 3  # the legend has one more
    zelensky = profile.group("zelensky")
    assert zelensky is not None
    assert tint(zelensky.colour) in report
    assert len(page.having("span", "badge")) == len(profile.groups) + len(analysis.quotes)


def test_summary_lists_single_anonymous_sources_and_balance(sample: tuple[Analysis, Profile],
                                                            report: str) -> None:
    analysis, profile = sample
    balance = compute_balance(analysis, profile)
    single = {q.speaker for q in balance.single_anonymous}
    assert single == {"Ukrainian officials", "source in the regional administration", "Local sources"}
    assert "Local officials in nearby Kalynivka" not in single  # said two things
    sides = {s.id: (s.sentences, s.quotes) for s in balance.sides}
    assert sides["russia"][1] == 6 and sides["ukraine"][1] == 11
    assert balance.narration == 4 and balance.sentences == 34
    assert f"{round(100 * balance.narration / balance.sentences)}%" in report
    for quote in balance.single_anonymous:
        assert quote.text in _Page(report).text


HOSTILE = ("Police said <script>alert(1)</script> was found on the site. "
           "\"Nothing <img src=x onerror=alert(1)> happened,\" said Zelensky's aide Ivan <b>Petrenko</b>. "
           "The aide to Zelenskyy, Ivan Petrenko, said the photo was fake.")


def test_article_markup_is_shown_as_text(analyzer: Analyzer) -> None:
    source = prepare_text(HOSTILE)
    assert "<script>" in source.text  # plain text: the markup is the article's words
    analysis = analyzer.analyze(source, profile="none", readable=True)
    assert analysis.quotes
    report = render_report(analysis, title="<script>alert('title')</script>", profile=None,
                           statuses={0: "<img src=x onerror=alert(2)>"})
    page = _Page(report)
    assert page.problems == []
    assert "<script" not in report.lower()
    assert "onerror=" not in report.replace("&lt;img src=x onerror=", "")
    assert not [tag for tag, _ in page.elements if tag in {"script", "img", "b"}]
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "Zelensky" in text and "Zelenskyy" in text  # name variants listed
    assert page.having("span", "nv")


def test_profile_colours_cannot_break_out_of_css(sample: tuple[Analysis, Profile]) -> None:
    analysis, profile = sample
    hostile = dataclasses.replace(profile, groups=tuple(
        dataclasses.replace(g, colour="red}</style><script>alert(1)</script>") for g in profile.groups))
    report = render_report(analysis, title="t", profile=hostile)
    assert "<script" not in report
    assert _Page(report).problems == []


def test_article_without_attributions(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(prepare_text("The river rose overnight.\n\nThe bridge stayed open."),
                                profile="none", readable=True)
    report = render_report(analysis, title="Quiet day", profile=None)
    page = _Page(report)
    assert page.problems == []
    assert "No attributed statements found." in "".join(page.text)
    assert len(page.having("rect", "bar")) == 1  # narration only


def test_statuses_by_span_matches_exact_spans(sample: tuple[Analysis, Profile]) -> None:
    analysis, _ = sample
    first, second = analysis.quotes[0], analysis.quotes[1]
    checked = [(first.start, first.end, "verified"), (second.start, second.end + 1, "false")]
    assert statuses_by_span(analysis, checked) == {0: "verified"}


class _Tinted(HTMLParser):
    """The text inside each group tint (``q gN`` spans) and the badges, in order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.classes: list[list[str]] = []
        self.tinted: list[tuple[str, str]] = []
        self.badges: list[str] = []
        self.feed(html[html.index('<div class="article">'):html.index('<section class="summary">')])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.classes.append((dict(attrs).get("class") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if self.classes:  # the section's own closing tags follow the article
            self.classes.pop()

    def handle_data(self, data: str) -> None:
        tints = [c for classes in self.classes if "q" in classes for c in classes if c.startswith("g")]
        if tints:
            self.tinted.append((tints[-1], data))
        elif self.classes and "badge" in self.classes[-1]:
            self.badges.append(data)


def test_a_sentence_with_two_speakers_shows_two_tints_and_leaves_the_reporter_untinted(
        analyzer: Analyzer, two_voices: Analysis) -> None:
    profile = analyzer.profiles["war"]
    html = render_report(two_voices, title="Fighting near Veldorf", profile=profile)
    found = _Tinted(html)
    index = {g.id: f"g{i}" for i, g in enumerate(profile.groups)}
    tinted: dict[str, str] = {}
    for css, data in found.tinted:
        tinted[css] = tinted.get(css, "") + data
    assert tinted == {
        index["ukrainian_military"]: "they pushed back an assault near Veldorf overnight",
        index["other"]: "the bridge at Kessin was badly damaged",
        index["russian_mod"]: "the offensive had stalled near Marinsk",
        index["putin"]: "the operation was going to plan",
    }
    assert found.badges == ["UA mil", "Other", "RU MoD", "Putin"]


def test_quote_table_gives_the_quoted_words_the_widest_column(sample: tuple[Analysis, Profile],
                                                              report: str) -> None:
    analysis, profile = sample
    table = report[report.index('<table class="quote-table">'):]
    heads = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", table[:table.index("</thead>")])
    assert heads == ["#", "¶", "Speaker", "What was said", "Kind", "Status"]
    columns = re.findall(r'<col class="(c-[a-z]+)">', table)
    assert columns == ["c-n", "c-para", "c-speaker", "c-said", "c-kind", "c-status"]
    widths = {name: float(width) for name, width in
              re.findall(r"\.quote-table \.(c-[a-z]+)(?:, \.quote-table \.c-[a-z]+)? \{ width: ([\d.]+)%; \}",
                         report)}
    assert widths["c-said"] == max(widths.values()) >= 40
    assert "table-layout: fixed" in report
    first = re.search(r'<tr class="quote-row">.*?</tr>', table, flags=re.DOTALL)
    assert first is not None
    cells = re.findall(r"<td(?: [^>]*)?>(.*?)</td>", first.group(0))
    assert len(cells) == len(heads)
    quote = analysis.quotes[0]
    style = profile.group(quote.group or "")
    assert style is not None
    speaker = _Page(cells[2])
    assert speaker.having("span", "swatch")
    assert speaker.text[0] == quote.speaker and speaker.text[-1] == style.label  # the group under the name
    kind = _Page(cells[4])
    assert kind.having("span", "conf") and f"{quote.confidence:.2f}" in "".join(kind.text)
