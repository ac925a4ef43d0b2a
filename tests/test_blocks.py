"""The block layer: what each reader's structure becomes, with offsets into the page's text."""

from __future__ import annotations

import pytest

from lacompare.readers import document_from_bytes
from lacompare.readers.blocks import Block, BlockKind, page_blocks

H, P, LI, LV, ROW = (
    BlockKind.HEADING,
    BlockKind.PARAGRAPH,
    BlockKind.LIST_ITEM,
    BlockKind.LABEL_VALUE,
    BlockKind.TABLE_ROW,
)


def blocks_of(raw: str, name: str = "page.txt") -> tuple[str, tuple[Block, ...]]:
    page = document_from_bytes(raw.encode("utf-8"), name).pages[0]
    return page.text, page.blocks


def parts(text: str, block: Block) -> tuple[object, ...]:
    """A block as (kind, marker, label, value) or (kind, cells), read back through its offsets."""
    if block.kind is BlockKind.TABLE_ROW:
        return block.kind, tuple(c.of(text) for c in block.cells)
    label = block.label.of(text) if block.label else None
    value = block.value.of(text) if block.value else None
    return block.kind, block.marker, label, value


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the web layout: a bullet and the value indented under it are a label/value pair
        (
            "Local authority rating and score\n\n  • Hartlepool Borough Council\n    Good\n",
            [(H, None, None, None), (LV, "•", "Hartlepool Borough Council", "Good")],
        ),
        ("Assessing needs\nScore: 3\n", [(LV, None, "Assessing needs", "Score: 3")]),
        ("Overall rating for X Council: 70%\n", [(LV, None, "Overall rating for X Council", "70%")]),
        # numbered and dashed list items keep their marker, and a label/value inside them
        ("  1. Assessing people’s needs – 2\n", [(LI, "1.", "Assessing people’s needs", "2")]),
        ("- Safeguarding: 1\n", [(LI, "-", "Safeguarding", "1")]),
        ("• The first point is made here.\n", [(LI, "•", None, None)]),
        # a pipe table row and its cells; the rule row has none left
        (
            "| Area | Score |\n|---|---|\n| Safeguarding | 3 |\n",
            [(ROW, ("Area", "Score")), (ROW, ("Safeguarding", "3"))],
        ),
        ("It was a long sentence, ending with a full stop.\n", [(P, None, None, None)]),
    ],
)
def test_text_structure_becomes_blocks(raw: str, expected: list[tuple[object, ...]]) -> None:
    text, blocks = blocks_of(raw)
    got = [parts(text, b) for b in blocks if not (b.kind is BlockKind.TABLE_ROW and not b.cells)]
    assert got == expected


def test_html_headings_list_items_and_table_rows_become_blocks() -> None:
    text, blocks = blocks_of(
        "<h2>Quality statement scores</h2><ul><li>Safeguarding<br>Score: 3</li></ul>"
        "<table><tr><td><p>1. assessing people’s needs</p></td><td>2</td></tr></table>",
        "page.html",
    )
    assert [parts(text, b) for b in blocks] == [
        (H, None, None, None),
        (LV, "•", "Safeguarding", "Score: 3"),
        (ROW, ("1. assessing people’s needs", "2")),
    ]


def test_every_block_is_a_verbatim_run_of_its_page() -> None:
    text, blocks = blocks_of("Heading\n\n  • Council\n    Good\n| a | b |\n1. Item – 2\nA sentence.\n")
    assert all(text[b.start : b.end] == b.text for b in blocks)
    assert [b.page for b in blocks] == [1] * len(blocks)


def test_blocks_need_no_reader() -> None:
    assert [b.kind for b in page_blocks("Safeguarding\nScore: 3\nSome text follows here.")] == [LV, P]
