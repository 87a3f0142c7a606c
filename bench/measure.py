"""Time requests through Django's test client: wall time and queries per request."""

import io
import os
import statistics
import time
from dataclasses import asdict, dataclass

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


@dataclass
class Figure:
    name: str
    role: str
    status: int
    runs: int
    median_ms: float
    p95_ms: float
    max_ms: float
    queries: int
    ratio_to_floor: float = 0.0
    load: float = 0.0  # the machine's 1-minute load average when the figure was taken
    # A PDF made by a worker: how long the worker took to make it (the requests timed after it
    # are those of a reader whose data has not changed: the stored file).
    made_ms: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def machine_load() -> float:
    """The 1-minute load average: a figure taken on a busy machine says so next to it."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:  # not available on this platform
        return -1.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _made_by_worker(response) -> float | None:
    """Run the queue once if the response sends the reader to a document's progress page."""
    if response.status_code != 302 or not response["Location"].startswith("/documents/"):
        return None
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("run_worker", "--once", stdout=io.StringIO())
    return round((time.perf_counter() - start) * 1000, 2)


def time_request(client: Client, name: str, role: str, url: str, *, runs: int, **headers) -> Figure:
    made_ms = _made_by_worker(client.get(url, **headers))  # warm-up: template and URL caches
    samples, status, queries = [], 0, 0
    for _ in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url, **headers)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            samples.append((time.perf_counter() - start) * 1000)
        status, queries = response.status_code, len(captured.captured_queries)
    return Figure(
        name=name,
        role=role,
        status=status,
        runs=runs,
        median_ms=round(statistics.median(samples), 2),
        p95_ms=round(percentile(samples, 0.95), 2),
        max_ms=round(max(samples), 2),
        queries=queries,
        load=machine_load(),
        made_ms=made_ms,
    )


def time_call(name: str, fn, *, runs: int) -> Figure:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return Figure(
        name=name,
        role="-",
        status=0,
        runs=runs,
        median_ms=round(statistics.median(samples), 2),
        p95_ms=round(percentile(samples, 0.95), 2),
        max_ms=round(max(samples), 2),
        queries=0,
        load=machine_load(),
    )
