"""The library's SQL schema, its migrations, and the tidy ``measures`` rows.

Version 1 kept each fact as a JSON blob. Version 2 adds what SQL users need:

* ``measures``: one row per measured value, the CSV contract's columns (``metric_id``, ``value``,
  ``unit``, ``comparator``, ``comparator_value``, ``relation``, ``source``, ``year``, ``flag``,
  ``page``, ``quote``…) plus the council it is about (``gss_code``) and its document;
  indexed by metric and by council. ``value`` holds a number, or text for words (a rating).
* ``councils``: the register of the 153 councils (name, short name, GSS code, type, region).
* Views: ``tidy`` (every measure with its council and document), ``assessments`` (each CQC
  assessment's documents: pages of one council's assessment share its date), ``latest_assessment``
  and ``scores_wide`` (the nine quality-statement scores of each council's latest assessment).

The facts' JSON stays: it rebuilds a stored :class:`~lacompare.model.Report` exactly.

Version 3 gives indicator rows' measures the general row's ids (see :mod:`lacompare.model.indicator`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lacompare.library.values import Value, current_ids, fact_values
from lacompare.model import QUALITY_STATEMENTS, Report, fact_from_dict

MEASURE_COLUMNS = (
    "metric_id", "label", "metric", "fact", "value", "unit", "comparator", "comparator_value", "relation",
    "source", "year", "flag", "polarity", "page", "quote", "gss_code", "local_authority",
)  # fmt: skip

_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    local_authority TEXT,
    gss_code TEXT,
    published TEXT,
    pages INTEGER NOT NULL,
    notes TEXT NOT NULL DEFAULT '[]',
    extractor_version TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX documents_by_council ON documents (gss_code, kind, published);
CREATE TABLE facts (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    fact TEXT NOT NULL,
    metric_id TEXT,
    page INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);
CREATE INDEX facts_by_metric ON facts (metric_id);
"""

_SCORE_COLUMNS = ",\n    ".join(
    f"max(CASE WHEN m.metric_id = 'qs.{s}' THEN m.value END) AS {s}" for s in QUALITY_STATEMENTS
)

_V2 = f"""
CREATE TABLE councils (
    gss_code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    type TEXT NOT NULL,
    region TEXT NOT NULL
);
CREATE TABLE measures (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    position INTEGER NOT NULL,
    metric_id TEXT NOT NULL,
    label TEXT NOT NULL,
    metric TEXT NOT NULL,
    fact TEXT NOT NULL,
    value,
    unit TEXT,
    comparator TEXT,
    comparator_value,
    relation TEXT,
    source TEXT,
    year TEXT,
    flag TEXT,
    polarity TEXT NOT NULL,
    page INTEGER NOT NULL,
    quote TEXT NOT NULL,
    gss_code TEXT,
    local_authority TEXT,
    PRIMARY KEY (document_id, seq, position)
);
CREATE INDEX measures_by_metric ON measures (metric_id, gss_code);
CREATE INDEX measures_by_council ON measures (gss_code, document_id);
CREATE VIEW tidy AS
SELECT coalesce(c.short_name, m.local_authority) AS council, m.gss_code, c.region, m.metric_id, m.label, m.metric,
    m.fact, m.value, m.unit, m.comparator, m.comparator_value, m.relation, m.source, m.year, m.flag, m.polarity,
    d.source AS document, d.sha256, d.kind, d.published, m.page, m.quote
FROM measures m JOIN documents d ON d.id = m.document_id LEFT JOIN councils c ON c.gss_code = m.gss_code;
CREATE VIEW assessments AS
SELECT d.gss_code, coalesce(d.published, (
        SELECT max(e.published) FROM documents e WHERE e.gss_code = d.gss_code AND e.kind = 'cqc_assessment'
    )) AS assessed, d.id AS document_id, d.sha256, d.source AS document, d.published
FROM documents d WHERE d.kind = 'cqc_assessment' AND d.gss_code IS NOT NULL;
CREATE VIEW latest_assessment AS
SELECT a.* FROM assessments a
WHERE a.assessed IS (SELECT max(b.assessed) FROM assessments b WHERE b.gss_code = a.gss_code);
CREATE VIEW scores_wide AS
SELECT c.short_name AS council, a.gss_code, c.region, a.assessed,
    {_SCORE_COLUMNS}
FROM (SELECT DISTINCT gss_code, assessed FROM latest_assessment) a
JOIN councils c ON c.gss_code = a.gss_code
LEFT JOIN latest_assessment l ON l.gss_code = a.gss_code
LEFT JOIN measures m ON m.document_id = l.document_id AND m.fact = 'score'
GROUP BY a.gss_code;
"""


@dataclass(frozen=True, slots=True)
class Entry:
    """One stored document."""

    sha256: str
    source: str
    kind: str
    local_authority: str | None
    gss_code: str | None
    published: str | None
    pages: int
    facts: int
    extractor_version: str
    added_at: str

    @property
    def council(self) -> str:
        from lacompare.catalogue.authorities import by_code

        found = by_code(self.gss_code) if self.gss_code else None
        return found.short_name if found else (self.local_authority or "unknown council")


Migration = Callable[[sqlite3.Connection], None]


def _run(script: str) -> Migration:
    def run(conn: sqlite3.Connection) -> None:
        for statement in script.split(";\n"):
            if statement.strip():
                conn.execute(statement)

    return run


def _to_v2(conn: sqlite3.Connection) -> None:
    """Add the tidy tables and views, and fill them from the facts already stored."""
    _run(_V2)(conn)
    fill_councils(conn)
    _fill_measures(conn, "SELECT id FROM documents")


def _to_v3(conn: sqlite3.Connection) -> None:
    """Indicator rows became general rows (result, target, previous, direction… and further cells
    by role): their measures get today's ids (``.previous``, not ``.previous_result``). The facts'
    JSON stays as stored; it is read into the general row on load."""
    documents = "SELECT DISTINCT document_id FROM facts WHERE fact = 'indicator'"
    conn.execute(f"DELETE FROM measures WHERE document_id IN ({documents})")
    _fill_measures(conn, documents)


def _fill_measures(conn: sqlite3.Connection, documents: str) -> None:
    """The ``measures`` rows of the documents the query names, from their stored facts."""
    rows = conn.execute(
        "SELECT id, source, kind, local_authority, gss_code, published, sha256 FROM documents"
        f" WHERE id IN ({documents})"
    )
    for doc_id, source, kind, local_authority, gss_code, published, sha256 in rows.fetchall():
        data = conn.execute("SELECT data FROM facts WHERE document_id = ? ORDER BY seq", (doc_id,)).fetchall()
        facts = tuple(fact_from_dict(json.loads(d)) for (d,) in data)
        report = Report(source, kind, local_authority, published, 0, sha256, facts)
        insert_measures(conn, doc_id, report, gss_code, refresh_ids=True)


# Each migration takes the schema from version i to i + 1, inside one transaction.
MIGRATIONS: tuple[Migration, ...] = (_run(_V1), _to_v2, _to_v3)
SCHEMA_VERSION = len(MIGRATIONS)


def fill_councils(conn: sqlite3.Connection) -> None:
    from lacompare.catalogue.authorities import authorities

    conn.executemany(
        "INSERT OR REPLACE INTO councils (gss_code, name, short_name, type, region) VALUES (?, ?, ?, ?, ?)",
        [(a.gss_code, a.name, a.short_name, a.type, a.region) for a in authorities()],
    )


def insert_measures(
    conn: sqlite3.Connection, document_id: int, report: Report, gss_code: str | None, *, refresh_ids: bool = False
) -> None:
    """One ``measures`` row per value of the report, keyed by (document, fact seq, position in the fact).

    A freshly extracted report already has today's ids; ``refresh_ids`` gives them to facts an
    older release stored (the migration).
    """
    rows = []
    facts = current_ids(report) if refresh_ids else report.facts
    for seq, fact in enumerate(facts):
        for position, value in enumerate(fact_values(fact, report, gss_code)):
            rows.append((document_id, seq, position, *(getattr(value, c) for c in MEASURE_COLUMNS)))
    marks = ", ".join("?" * (3 + len(MEASURE_COLUMNS)))
    conn.executemany(
        f"INSERT INTO measures (document_id, seq, position, {', '.join(MEASURE_COLUMNS)}) VALUES ({marks})", rows
    )


# The columns of a Value, in its fields' order: the measure's, then its document's.
VALUE_SQL = (
    "SELECT " + ", ".join(f"m.{c}" for c in MEASURE_COLUMNS) + ", d.source, d.sha256, d.kind, d.published"
    " FROM measures m JOIN documents d ON d.id = m.document_id"
)


def values_from_rows(rows: Iterable[Sequence[Any]]) -> list[Value]:
    """``VALUE_SQL`` rows as :class:`Value` records (their columns are the record's fields, in order)."""
    return [Value(*row) for row in rows]
