"""Marking up an article's text: escaping, overlapping and crossing spans, code-point offsets, paragraphs."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from crosswire.report.highlight import Mark, highlight, paragraph_spans


def fragment(markup: str) -> Any:
    return lxml_html.fragment_fromstring(f"<p>{markup}</p>")


def pieces(element: Any, token: str) -> list[Any]:
    return [e for e in element.iter("span") if token in (e.get("data-k") or "").split()]


def marked_text(element: Any, token: str) -> str:
    return "".join(piece.text_content() for piece in pieces(element, token) if not _inside_same(piece, token))


def _inside_same(piece: Any, token: str) -> bool:
    parent = piece.getparent()
    while parent is not None:
        if token in (parent.get("data-k") or "").split():
            return True
        parent = parent.getparent()
    return False


def test_hostile_text_and_attributes_are_escaped() -> None:
    text = 'He said <script>alert("x")</script> & left "quietly" \'now\''
    start = text.index("<script>")
    mark = Mark(
        start,
        start + 8,
        "mention",
        'm" onmouseover="alert(1)',
        ("tok",),
        'id"><script>',
        '"><img src=x onerror=alert(1)>',
        (("e", "<b>"),),
    )
    [markup] = highlight(text, [mark])
    assert "<script" not in markup and "<img" not in markup and 'onmouseover="' not in markup
    element = fragment(markup)
    assert element.text_content() == text
    [span] = element.iter("span")
    assert span.text_content() == "<script>"
    assert span.get("class") == 'm" onmouseover="alert(1)'
    assert span.get("title") == '"><img src=x onerror=alert(1)>'
    assert span.get("data-e") == "<b>"


def test_nested_spans_keep_their_text() -> None:
    text = "The Kremlin said it could neither confirm nor deny the report."
    statement = Mark(0, len(text) - 1, "statement", "st", ("st-1",), "st-1")
    mention = Mark(4, 11, "mention", "m", ("m-1",))
    cue = Mark(12, 16, "cue", "cue", ("cue-1",))
    [markup] = highlight(text, [mention, cue, statement])
    element = fragment(markup)
    assert element.text_content() == text
    assert marked_text(element, "st-1") == text[:-1]
    assert marked_text(element, "m-1") == "Kremlin"
    assert marked_text(element, "cue-1") == "said"
    outer = pieces(element, "st-1")
    assert len(outer) == 1 and outer[0].get("id") == "st-1"
    assert pieces(element, "m-1")[0].getparent() is outer[0]


def test_crossing_spans_are_split_and_anchored_once() -> None:
    text = "alpha beta gamma delta"
    first = Mark(0, 10, "statement", "st", ("a",), "anchor-a")
    second = Mark(6, 16, "evidence", "evi", ("b",), "anchor-b")
    third = Mark(6, 16, "timex", "t", ("c",))
    [markup] = highlight(text, [first, second, third])
    element = fragment(markup)
    assert element.text_content() == text
    assert marked_text(element, "a") == "alpha beta"
    assert marked_text(element, "b") == "beta gamma"
    assert marked_text(element, "c") == "beta gamma"
    assert len(pieces(element, "b")) == 2, "the crossing span is closed and re-opened"
    assert [e.get("id") for e in element.iter("span") if e.get("id")] == ["anchor-a", "anchor-b"]
    # Same extent: the evidence wraps the time expression.
    for piece in pieces(element, "c"):
        assert "b" in (piece.getparent().get("data-k") or "").split()


def test_offsets_are_code_points() -> None:
    text = "🇹🇷 Türkiye — café 😀 hosted talks in Ankara"
    start = text.index("Ankara")
    other = text.index("hosted")
    [markup] = highlight(
        text, [Mark(start, start + 6, "mention", "m", ("x",)), Mark(other, other + 6, "cue", "cue", ("y",))]
    )
    element = fragment(markup)
    assert marked_text(element, "x") == "Ankara"
    assert marked_text(element, "y") == "hosted"


def test_spans_over_paragraphs_and_out_of_range() -> None:
    text = '  First paragraph here.\n\nSecond one, "quoted\nacross lines".  \n'
    quote = Mark(text.index('"quoted'), text.index('".') + 1, "statement", "st", ("q",), "q-anchor")
    outside = Mark(len(text) - 1, len(text) + 50, "mention", "m", ("out",))
    empty = Mark(5, 5, "mention", "m", ("empty",))
    negative = Mark(-10, 4, "timex", "t", ("neg",))
    paragraphs = highlight(text, [quote, outside, empty, negative])
    assert [fragment(p).text_content() for p in paragraphs] == [
        "First paragraph here.",
        'Second one, "quoted',
        'across lines".',
    ]
    assert "out" not in "".join(paragraphs) and "empty" not in "".join(paragraphs)
    second, third = fragment(paragraphs[1]), fragment(paragraphs[2])
    assert marked_text(second, "q") == '"quoted' and marked_text(third, "q") == 'across lines"'
    assert pieces(second, "q")[0].get("id") == "q-anchor" and pieces(third, "q")[0].get("id") is None
    assert marked_text(fragment(paragraphs[0]), "neg") == "Fi"


def test_paragraph_spans_point_into_the_text() -> None:
    text = "\n  One. \n\n\tTwo\n   \nThree"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two", "Three"]


@st.composite
def marked_texts(draw: st.DrawFn) -> tuple[str, list[Mark]]:
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\né😀")), min_size=1, max_size=40))
    marks = []
    for n in range(draw(st.integers(0, 6))):
        start = draw(st.integers(-2, len(text) + 2))
        end = draw(st.integers(start, len(text) + 3))
        kind = draw(st.sampled_from(["statement", "mention", "timex", "cue", "evidence"]))
        marks.append(Mark(start, end, kind, kind, (f"k{n}",), f"a{n}"))
    return text, marks


@given(marked_texts())
def test_any_marks_give_well_formed_html_with_the_same_text(case: tuple[str, list[Mark]]) -> None:
    text, marks = case
    paragraphs = highlight(text, marks)
    spans = paragraph_spans(text)
    assert len(paragraphs) == len(spans)
    for (start, end), markup in zip(spans, paragraphs, strict=True):
        assert markup.count("<span") == markup.count("</span>")
        element = fragment(markup)
        assert element.text_content() == text[start:end]
        for n, mark in enumerate(marks):
            expected = text[max(mark.start, start, 0) : min(mark.end, end)]
            assert marked_text(element, f"k{n}") == (expected if mark.start < end and mark.end > start else "")
