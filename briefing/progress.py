"""A progress bar on stderr for long runs (rich), or nothing at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class _Bar:
    def __init__(self, progress: Any | None) -> None:
        self._progress = progress
        self._task: Any = None

    def reset(self, description: str, total: int | None = None) -> None:
        if self._progress is None:
            return
        if self._task is not None:
            self._progress.remove_task(self._task)
        self._task = self._progress.add_task(description, total=total)

    def step(self, description: str) -> Callable[[str], None]:
        if self._progress is None:
            return lambda _item: None
        if self._task is None:
            self.reset(description)

        progress = self._progress

        def advance(item: str) -> None:
            progress.update(self._task, advance=1, description=f"{description} {item}")

        return advance


@contextmanager
def progress_bar(show: bool) -> Iterator[_Bar]:
    if not show:
        yield _Bar(None)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        yield _Bar(progress)
