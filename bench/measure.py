"""Time requests through Django's test client: wall time and queries per request."""

import io
import os
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path

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
    # The median CPU time per request: this process's, plus the PostgreSQL server process's
    # on PostgreSQL (on SQLite the database runs in-process). A busy machine inflates it far
    # less than wall time: growth is read from it when the load differs between runs.
    cpu_ms: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)


def machine_load() -> float:
    """The 1-minute load average: a figure taken on a busy machine says so next to it."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:  # not available on this platform
        return -1.0


def _database_cpu_ns() -> tuple[int | None, int]:
    """(server process, its CPU time in ns) of this connection to PostgreSQL; (None, 0) on
    SQLite, whose work is already in this process's CPU time. The server runs on this machine
    in the bench, so the kernel's per-process counter can be read."""
    raw = getattr(connection, "connection", None)
    pid = getattr(getattr(raw, "info", None), "backend_pid", None)
    if connection.vendor != "postgresql" or not pid:
        return None, 0
    try:
        return pid, int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None, 0


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
    samples, cpu, status, queries = [], [], 0, 0
    for _ in range(runs):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            server, server_ns = _database_cpu_ns()
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, **headers)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            samples.append((time.perf_counter() - start) * 1000)
            used = (time.process_time() - start_cpu) * 1000
            after, after_ns = _database_cpu_ns()
            if server is not None and after == server:
                used += (after_ns - server_ns) / 1e6
            cpu.append(used)
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
        cpu_ms=round(statistics.median(cpu), 2),
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
