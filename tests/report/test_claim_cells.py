"""The claims matrix writes runs of empty cells at once: the same cells, in the same columns, as one at a time."""

from __future__ import annotations

from lxml import html as lxml_html

from crosswire.model import Article, Claim, ClaimStance, Dossier, Entity
from crosswire.report.html import render_html
from crosswire.report.links import Filter, Link
from crosswire.report.views import Cell, ClaimRow


def _cell(kind: str) -> Cell:
    return Cell(kind, "•", kind, 1, Link("#a", kind))


def _row(cells: list[list[Cell]]) -> ClaimRow:
    claim = Claim(id="c", text="The merger closes in March")
    return ClaimRow(claim, "claim-c", Link("#c", claim.text), cells, None, None, [], Filter())


def test_cell_runs_count_the_empty_cells_before_each_filled_one_and_after_the_last() -> None:
    first, second = [_cell("confirms")], [_cell("denies"), _cell("reports")]
    assert _row([[], first, [], [], second, []]).cell_runs() == ([(1, first), (2, second)], 1)
    assert _row([first, second]).cell_runs() == ([(0, first), (0, second)], 0)
    assert _row([[], [], []]).cell_runs() == ([], 3)
    assert _row([]).cell_runs() == ([], 0)


def test_each_claim_row_has_one_cell_per_source_with_its_stance_in_that_sources_column() -> None:
    # Four sources on a product launch and a trial; each claim is taken up by some of them, so its row has empty
    # cells before, between and after the filled ones.
    sources = ["acme", "court", "regulator", "union"]
    entities = [Entity(id=s, name=s.title(), type="ORG") for s in sources]
    text = "Acme said the phone ships in May. The court denied the appeal. The union confirmed the strike."
    articles = [Article(id=f"a{n}", source=f"a{n}.txt", text=text) for n in range(2)]
    claims = [
        Claim(
            id="ships",
            text="The phone ships in May",
            stances=[ClaimStance(article="a0", source="regulator", stance="reports")],
        ),
        Claim(
            id="appeal",
            text="The appeal was denied",
            stances=[
                ClaimStance(article="a0", source="court", stance="denies"),
                ClaimStance(article="a1", source="union", stance="confirms"),
            ],
        ),
        Claim(
            id="strike",
            text="The strike goes ahead",
            stances=[ClaimStance(article="a1", source="acme", stance="reports")],
        ),
    ]
    page = lxml_html.fromstring(render_html(Dossier(articles=articles, entities=entities, claims=claims)))
    header = [th.text_content().strip() for th in page.xpath("//table[contains(@class, 'matrix')]/thead/tr/th")][3:]
    assert sorted(header) == ["Acme", "Court", "Regulator", "Union"]
    for claim in claims:
        row = page.xpath("//tr[@id=$id]", id=f"claim-{claim.id}")[0]
        cells = [" ".join(td.text_content().split()) for td in row.xpath("./td")][2:]
        assert len(cells) == len(header)
        expected = {stance.source.title(): stance.stance for stance in claim.stances if stance.source}
        for name, cell in zip(header, cells, strict=True):
            assert (name in expected) == bool(cell), (claim.id, name, cell)
            if name in expected:
                assert expected[name] in cell
