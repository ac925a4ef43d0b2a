"""The library: documents and their facts in one SQLite file (:mod:`.store`), its schema and
migrations (:mod:`.schema`), opening a file safely (:mod:`.connection`), what it holds
(:mod:`.info`), the stated values it keeps (:mod:`.values`) and each council's picture read out of
it (:mod:`.pictures`, :mod:`.views`).

``from lacompare.library import Library`` loads the store only when asked (start-up stays light).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lacompare.library.store import Library

__all__ = ["Library"]


def __getattr__(name: str) -> Any:
    if name == "Library":
        from lacompare.library.store import Library

        return Library
    raise AttributeError(name)
