"""What a child process needs to see the machine's clock as its parent does.

CI's second test run moves the machine's clock with libfaketime, which lives in these environment
variables; a bot process started with a clean environment would otherwise run on the real date.
"""

from __future__ import annotations

import os

_NAMES = ("LD_PRELOAD", "TZ", "DONT_FAKE_MONOTONIC")


def clock_env() -> dict[str, str]:
    """The libfaketime (and time zone) variables of this process, to pass to a child."""
    return {
        name: value
        for name, value in os.environ.items()
        if name in _NAMES or name.startswith("FAKETIME")
    }
