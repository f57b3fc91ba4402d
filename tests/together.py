"""Independent slow steps of one test, run at the same time.

Several tests start two or more CLI processes that do not depend on each other (the same brief to a
pipe and to a file, a wheel's replay and the checkout's). Each such process spends seconds starting
up and loading its language models; run side by side they take the time of the slowest, not the sum.
Each step still runs exactly as it would alone (its own process, its own arguments and timeout).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any


def together(*steps: Callable[[], Any]) -> list[Any]:
    """Run ``steps`` at the same time, each in its own thread; their results in the order given.

    An exception in a step is raised here, after every step has ended (no process is left running).
    """
    with ThreadPoolExecutor(max_workers=len(steps)) as pool:
        futures = [pool.submit(step) for step in steps]
    return [future.result() for future in futures]
