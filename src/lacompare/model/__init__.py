"""Typed facts and the report that holds them. No parsing and no I/O here.

Every fact carries ``page`` (1-based) and ``quote``: a verbatim substring of that page's
normalised text containing every number of the fact. ``flag`` records doubt (a claim
that contradicts its numbers, an ambiguous cell) without dropping the fact.
"""

from lacompare.kinds import CQC_ASSESSMENT as CQC_ASSESSMENT
from lacompare.kinds import DASHBOARD as DASHBOARD
from lacompare.kinds import DOCUMENT_KINDS as DOCUMENT_KINDS
from lacompare.kinds import PERFORMANCE_REPORT as PERFORMANCE_REPORT
from lacompare.kinds import UNKNOWN as UNKNOWN
from lacompare.model.facts import QUALITY_STATEMENTS as QUALITY_STATEMENTS
from lacompare.model.facts import RATING_ORDER as RATING_ORDER
from lacompare.model.facts import RATINGS as RATINGS
from lacompare.model.facts import Comparison as Comparison
from lacompare.model.facts import Fact as Fact
from lacompare.model.facts import Finance as Finance
from lacompare.model.facts import Measure as Measure
from lacompare.model.facts import Number as Number
from lacompare.model.facts import Rating as Rating
from lacompare.model.facts import Score as Score
from lacompare.model.facts import Statistic as Statistic
from lacompare.model.facts import Wait as Wait
from lacompare.model.facts import words_key as words_key
from lacompare.model.indicator import Benchmark as Benchmark
from lacompare.model.indicator import CellRole as CellRole
from lacompare.model.indicator import Indicator as Indicator
from lacompare.model.indicator import RowCell as RowCell
from lacompare.model.indicator import split_cell as split_cell
from lacompare.model.report import FACT_TYPES as FACT_TYPES
from lacompare.model.report import Report as Report
from lacompare.model.report import fact_from_dict as fact_from_dict
