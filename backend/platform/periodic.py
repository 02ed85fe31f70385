"""Background jobs that every app instance runs (the stream relay, no-shows, reminders):
one loop, so a job only says what one round does. A round that fails is logged and the
next one tries again; each job is itself safe to run on several instances at once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

logger = logging.getLogger("tongban.jobs")


async def run_every(every_seconds: float, job: Callable[[], Awaitable[object]], name: str) -> None:
    """Run `job` every `every_seconds`, forever (until the task is cancelled)."""
    while True:
        await asyncio.sleep(every_seconds)
        try:
            await job()
        except Exception:  # the next round tries again; the log says what broke
            logger.warning("%s failed", name, exc_info=True)
