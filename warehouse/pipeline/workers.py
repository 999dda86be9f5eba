"""Worker processes started ahead of their step, so that they load what the step needs (modules, the parsed
dbt project) on the second core while the steps before it run; the step then runs in them.  A step that runs
in the runner's own process has its modules loaded beside, in a thread, while the runner waits for a worker.

This module imports nothing heavy: a worker imports it first (its initializer lives here).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context, parent_process
from multiprocessing.connection import wait
from typing import TypeVar

T = TypeVar("T")


class WarmProcess:
    """One worker process: :meth:`start` it with what to prepare, :meth:`submit` the step to it, and
    :meth:`release` it, waiting for it, so that no process of a refresh outlives the refresh."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def start(self, prepare: Callable[..., object], *args: object) -> None:
        if self._pool is None:
            self._pool = process_pool(1)
            self._pool.submit(prepare, *args)  # a failure here only leaves the step to load what it needs

    def submit(self, step: Callable[..., T], *args: object, **kwargs: object) -> T:
        """``step(*args, **kwargs)`` run in the process (started now if it was not); its result."""
        return self.start_step(step, *args, **kwargs).result()

    def start_step(self, step: Callable[..., T], *args: object, **kwargs: object) -> Future[T]:
        """``step(*args, **kwargs)`` started in the process (started now if it was not); its future."""
        self.start(_nothing)
        assert self._pool is not None
        return self._pool.submit(step, *args, **kwargs)

    def release(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that exit with the process that started them, even when it is killed
    (SIGTERM, SIGKILL): a stopped command leaves no worker writing on its own."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("forkserver"), initializer=_end_with_parent)


def _end_with_parent() -> None:
    """In the worker: exit as soon as the process that started it ends, even killed (the worker holds the
    end of its own task queue, so it would otherwise wait for work forever, holding the output open)."""
    parent = parent_process()
    if parent is not None:
        sentinel = parent.sentinel
        threading.Thread(target=lambda: (wait([sentinel]), os._exit(1)), daemon=True).start()


def _nothing() -> None:
    """What a worker started without warning prepares."""


def load_beside(module: str) -> threading.Thread:
    """Import ``module`` in a thread of this process, for a step that runs here to find it loaded: the thread
    works while this process waits for a worker.  Not a daemon, so the process never ends mid-import; a failure
    is left to the step, which imports the module again and says why."""

    def load() -> None:
        with contextlib.suppress(Exception):  # the step's own import raises it again, where it is reported
            importlib.import_module(module)

    thread = threading.Thread(target=load, name=f"load {module}")
    thread.start()
    return thread
