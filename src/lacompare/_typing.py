"""Shared type aliases."""

from __future__ import annotations

from os import PathLike
from typing import Union

PathArg = Union[str, "PathLike[str]"]
