"""Hostile and broken input: every file ends in facts or one clear error line, and the batch goes on.

The named cases are the files users really meet (a scanned PDF, an encrypted one, a Word file
or an HTML error page saved as .pdf, a 2,000-page board pack, a decompression bomb …); each
gives its exact message and hint. The mutated fixture PDFs (truncated, bytes flipped, streams
removed, cross-references damaged) are run through the command line in batches with a good
file: about a hundred here, the whole corpus (over 1,000) under ``pytest -m slow``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from lacompare.errors import LacompareError
from lacompare.readers import load_bytes

from . import corpus, corpus_hostile, corpus_survey
from .corpus import GOOD_FILE, NAMED_FILES, PASSWORD, SENTENCE
from .corpus_survey import BatchRun, run_extract

FAST_MUTANTS = 80
SLOW_MUTANTS = 1200

# Every refusal a damaged PDF may get; anything else (an internal error, a traceback) is a bug.
CLEAR_PDF_ERRORS = re.compile(
    r"^(the PDF is damaged or truncated( \([^)]*\))?"
    r"|none of its \d+ pages has a text layer|its only page has no text layer"
    r"|(all \d+ of its pages are|its only page is) empty"
    r"|the PDF has no pages"
    r"|the PDF is encrypted"
    r"|not a PDF: it looks like plain text"
    r"|not a PDF: it looks like binary data) \(.+\)$"
)


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return corpus.write_named(tmp_path_factory.mktemp("named"))


@pytest.fixture(scope="module")
def mutants(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return corpus.write_mutants(tmp_path_factory.mktemp("mutants"), FAST_MUTANTS, seed=11)


@pytest.fixture(scope="module")
def good_rows() -> list[dict[str, str]]:
    rows = run_extract([GOOD_FILE]).rows_of(GOOD_FILE)
    assert rows, "the good file gives facts on its own"
    return rows


def one_error(run: BatchRun, path: Path) -> str:
    assert not run.crashed(), run.stderr
    assert run.returncode == 1, run.stderr
    assert list(run.errors) == [str(path)], run.stderr
    [line] = run.errors[str(path)]
    return line


# --- the named cases ---------------------------------------------------------------------------

REFUSED = sorted(name for name, (_, error) in NAMED_FILES.items() if error is not None)
READ = sorted(name for name, (_, error) in NAMED_FILES.items() if error is None)


@pytest.mark.parametrize("name", REFUSED)
def test_named_case_gives_its_one_line_error_and_hint(named: dict[str, Path], name: str) -> None:
    expected = NAMED_FILES[name][1]
    line = one_error(run_extract([named[name]]), named[name])
    if isinstance(expected, re.Pattern):
        assert expected.search(line), line
    else:
        assert line == expected


@pytest.mark.parametrize("name", READ)
def test_named_case_is_read_and_gives_the_fact_it_holds(named: dict[str, Path], name: str) -> None:
    run = run_extract([named[name]])
    assert run.returncode == 0 and not run.crashed(), run.stderr
    quotes = [r["quote"] for r in run.rows_of(named[name])]
    assert any(SENTENCE in quote for quote in quotes), quotes


def test_the_fact_of_a_2000_page_pack_is_on_its_last_page(named: dict[str, Path]) -> None:
    run = run_extract([named["board_pack_2000_pages.pdf"]])
    assert [r["page"] for r in run.rows_of(named["board_pack_2000_pages.pdf"]) if r["quote"] == SENTENCE] == ["2000"]


def test_text_in_cp1252_is_read_with_a_warning_that_says_so(named: dict[str, Path]) -> None:
    run = run_extract([named["cp1252.txt"]])
    assert f"Warning: {named['cp1252.txt']}: not UTF-8; read as cp1252" in run.stderr.splitlines()
    assert run.returncode == 0


def test_encrypted_pdf_opens_with_its_password(named: dict[str, Path]) -> None:
    run = run_extract([named["encrypted.pdf"]], "--password", PASSWORD)
    assert run.returncode == 0, run.stderr
    assert [r["quote"] for r in run.rows_of(named["encrypted.pdf"])] == [SENTENCE]


def test_encrypted_pdf_with_the_wrong_password_says_so(named: dict[str, Path]) -> None:
    line = one_error(run_extract([named["encrypted.pdf"]], "--password", "guess"), named["encrypted.pdf"])
    assert line == f"the PDF password is wrong {corpus.ENCRYPTED_HINT}"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "not_there.pdf"
    assert one_error(run_extract([path]), path) == "no such file (check the path)"


def test_directory(tmp_path: Path) -> None:
    assert one_error(run_extract([tmp_path]), tmp_path) == "is a directory (give the files inside it, e.g. DIR/*.pdf)"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(b"%PDF-1.4\n")

    def refuse(name: str, *args: object) -> int:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(LacompareError) as caught:
        load_bytes(path)
    assert caught.value.one_line() == f"{path}: permission denied (check the file's permissions)"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    path.chmod(0)
    assert one_error(run_extract([path]), path) == "permission denied (check the file's permissions)"


def test_unknown_document_kind_is_a_usage_error() -> None:
    run = run_extract([GOOD_FILE], "--kind", "minutes")
    assert run.returncode == 2
    assert "'minutes' is not one of" in run.stderr and "Traceback" not in run.stderr


def test_a_document_of_no_known_kind_is_read_with_a_warning(named: dict[str, Path]) -> None:
    run = run_extract([named["utf16.txt"]])
    assert run.returncode == 0
    assert (
        f"Warning: {named['utf16.txt']}: document kind not recognised; assumed unknown (use --kind to force one)"
        in (run.stderr.splitlines())
    )


# --- batches -----------------------------------------------------------------------------------


def test_every_named_case_in_one_batch_with_a_good_file(
    named: dict[str, Path], good_rows: list[dict[str, str]]
) -> None:
    paths = list(named.values())
    run = run_extract([*paths[:5], GOOD_FILE, *paths[5:]])
    assert not run.crashed(), run.stderr
    assert run.returncode == 1
    assert run.rows_of(GOOD_FILE) == good_rows
    assert sorted(run.errors) == sorted(str(named[name]) for name in REFUSED)


def test_mutated_pdfs_end_in_facts_or_one_clear_error(mutants: list[Path], good_rows: list[dict[str, str]]) -> None:
    run = run_extract([*mutants[:40], GOOD_FILE, *mutants[40:]])
    assert not run.crashed(), run.stderr[-2000:]
    assert run.rows_of(GOOD_FILE) == good_rows
    unclear = {
        path: lines for path, lines in run.errors.items() if len(lines) > 1 or not CLEAR_PDF_ERRORS.match(lines[0])
    }
    assert unclear == {}
    assert run.errors, "the corpus is meant to break some files"


def test_corpus_is_reproducible() -> None:
    first = dict(corpus.mutants(20, seed=3))
    assert first == dict(corpus.mutants(20, seed=3))
    assert len({hash(data) for data in first.values()}) == 20


@pytest.mark.slow
def test_whole_corpus(tmp_path: Path) -> None:
    """Over 1,000 inputs: no crash, no file past the limits, no good file's facts lost."""
    named = corpus.write_named(tmp_path / "named")
    paths = [*named.values(), *corpus.write_mutants(tmp_path / "mutants", SLOW_MUTANTS)]
    result = corpus_survey.survey(paths, "--jobs", "2", "--timeout", "30")
    assert result.cases >= 1000
    assert result.crashes == []
    assert [case for case in result.limits_hit if not case.startswith("bomb.pdf:")] == []
    assert result.losses == []


# --- round two: cases that know their facts -------------------------------------------------


def test_round_two_cases_are_reproducible_and_named_apart() -> None:
    first = corpus_hostile.cases()
    assert [c.name for c in first] == [c.name for c in corpus_hostile.cases()]
    assert len({c.name for c in first}) == len(first) >= 300
    assert {c.kind for c in first} == set(ROUND_TWO_KINDS)


ROUND_TWO_KINDS = (
    "invisible characters in numbers",
    "other-script digits and points",
    "encodings",
    "HTML shapes and hidden text",
    "repeated pages and running heads",
    "one huge PDF string",
    "line endings",
    "slow markdown lines",
    "FIFOs, devices and odd paths",
)


def assert_no_wrong_value_or_loss(result: corpus_survey.CaseSurvey) -> None:
    for outcome in ("crash", "hang", "wrong value", "lost"):
        assert result.total(outcome) == 0, result.problems
    assert result.problems == []


def test_a_sample_of_every_class_gives_its_facts_or_one_clear_error(tmp_path: Path) -> None:
    every = corpus_hostile.cases()
    sample = [case for i, case in enumerate(every) if i % 9 == 0 or case.base is None]
    result = corpus_survey.survey_cases(sample, tmp_path, "--jobs", "2")
    assert set(result.counts) == set(ROUND_TWO_KINDS)
    assert_no_wrong_value_or_loss(result)


@pytest.mark.slow
def test_every_round_two_case(tmp_path: Path) -> None:
    """Over 300 cases: each gives its base's facts (no other number) or, not being a file, one error."""
    result = corpus_survey.survey_cases(corpus_hostile.cases(), tmp_path, "--jobs", "2", "--timeout", "30")
    assert sum(sum(c.values()) for c in result.counts.values()) >= 300
    assert_no_wrong_value_or_loss(result)
