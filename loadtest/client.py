"""A small HTTP client for the load run, and the figures it collects.

Production mode marks the session and CSRF cookies Secure, and the run talks plain HTTP on
loopback: a cookie jar would keep those cookies to itself, so cookies are kept by hand.
"""

import re
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

import requests

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Stats:
    """Latency and status of every request, per kind (thread-safe)."""

    latencies: dict = field(default_factory=lambda: defaultdict(list))
    statuses: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    failures: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, status: int, seconds: float) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1

    def fail(self, kind: str, message: str) -> None:
        with self.lock:
            self.failures.append(f"{kind}: {message}")

    def server_errors(self) -> int:
        return sum(n for by in self.statuses.values() for s, n in by.items() if s >= 500)

    def rows(self, elapsed: float) -> list[dict]:
        rows = []
        for kind in sorted(self.latencies):
            times = sorted(self.latencies[kind])
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            rows.append(
                {
                    "kind": kind,
                    "requests": len(times),
                    "rps": round(len(times) / elapsed, 1),
                    "median_ms": round(statistics.median(times) * 1000),
                    "p95_ms": round(p95 * 1000),
                    "statuses": dict(sorted(self.statuses[kind].items())),
                }
            )
        return rows


def table(rows: list[dict]) -> str:
    head = f"{'kind':<22}{'requests':>9}{'rps':>8}{'median ms':>11}{'p95 ms':>8}  statuses"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['kind']:<22}{r['requests']:>9}{r['rps']:>8}{r['median_ms']:>11}"
            f"{r['p95_ms']:>8}  {r['statuses']}"
        )
    return "\n".join(lines)


class Client:
    """One visitor: its own connection pool and cookies; never follows redirects."""

    def __init__(self, base_url: str, stats: Stats):
        self.base_url = base_url
        self.stats = stats
        self.http = requests.Session()
        self.http.trust_env = False
        self.cookies: dict[str, str] = {}

    def request(self, kind: str, method: str, path: str, **kwargs) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            # Same-origin POST over plain HTTP: the CSRF check compares the Origin header.
            headers.setdefault("Origin", self.base_url)
        started = time.perf_counter()
        response = self.http.request(
            method,
            self.base_url + path,
            headers=headers,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        self.stats.add(kind, response.status_code, time.perf_counter() - started)
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        return response

    def get(self, kind: str, path: str, **kwargs) -> requests.Response:
        return self.request(kind, "GET", path, **kwargs)

    def post(self, kind: str, path: str, **kwargs) -> requests.Response:
        return self.request(kind, "POST", path, **kwargs)

    def form_token(self, kind: str, path: str) -> str:
        response = self.get(kind, path)
        found = CSRF_INPUT.search(response.text)
        if found is None:
            raise RuntimeError(f"no CSRF token on {path} (HTTP {response.status_code})")
        return found.group(1)

    def sign_in(self, email: str, password: str, code_for=None) -> None:
        """The real sign-in form, then the second-factor form when `code_for` gives a code."""
        token = self.form_token("sign-in", "/accounts/login/")
        data = {"csrfmiddlewaretoken": token, "email": email, "password": password}
        response = self.post("sign-in", "/accounts/login/", data=data)
        if response.status_code != 302:
            raise RuntimeError(f"sign-in of {email} answered {response.status_code}")
        if "second-factor" in response.headers.get("Location", ""):
            token = self.form_token("sign-in", "/accounts/login/second-factor/")
            data = {"csrfmiddlewaretoken": token, "code": code_for()}
            response = self.post("sign-in", "/accounts/login/second-factor/", data=data)
            if response.status_code != 302:
                raise RuntimeError(f"second factor of {email} answered {response.status_code}")
