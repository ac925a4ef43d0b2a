"""The ``lacompare`` console script (and ``python -m lacompare``).

Start-up makes some hundred thousand objects (typer, the command's modules, their classes and
patterns) that live as long as the process. Python's cyclic collector would walk them again and
again while they are made, and once more at exit; it is paused while they are imported, and then
told to leave them be (``gc.freeze``) before it resumes, for the command's own work. The methods
``dataclasses`` generates for the package's classes are compiled once and kept between runs
(:mod:`lacompare.code_cache`), as Python keeps byte-code.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from lacompare import code_cache

    code_cache.install()
    try:
        from lacompare.cli import main as run

        run(collector_paused=True)
    finally:
        code_cache.save()
