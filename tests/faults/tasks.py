"""A task for the worker-kill test: the first run announces itself and then hangs (until it is
killed); a later run of the same task sees the mark and finishes."""

import time
from pathlib import Path

from django_tasks import task


@task()
def slow_mark(path: str) -> str:
    started = Path(path + ".started")
    if started.exists():
        Path(path + ".done").write_text("done", encoding="utf-8")
        return "done on a later attempt"
    started.write_text("started", encoding="utf-8")
    time.sleep(120)
    return "not reached in the test"


@task()
def write_mark(path: str) -> str:
    Path(path).write_text("written", encoding="utf-8")
    return "written"
