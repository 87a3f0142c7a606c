"""Audit benchmark (not a timed test): audited actions per minute from 1, 2 and 4 processes.

    DATABASE_URL=postgres://.../protectnet_bench \
        python -m protectnet.demo.bench.audit --actions 2000

Each action is what a service does: one transaction holding one audit entry; sealing follows
the commit. Afterwards the whole log must verify. Refuses the development database.
"""

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from protectnet.demo.bench import guard


def _append_many(count: int) -> int:
    import django

    if not django.apps.apps.ready:
        django.setup()
    from django.db import connection, transaction

    from protectnet.access import audit

    for i in range(count):
        with transaction.atomic():
            audit.record("bench.action", data={"i": i})
    connection.close()
    return count


def bench_audit(*, actions: int = 2000, workers: int = 1) -> dict:
    from django.db import connections

    from protectnet.access import audit

    guard()
    connections.close_all()  # no connection may cross a fork
    started = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        done = sum(pool.map(_append_many, [actions // workers] * workers))
    elapsed = time.perf_counter() - started
    report = audit.verify()
    return {
        "workers": workers,
        "actions": done,
        "seconds": round(elapsed, 2),
        "actions_per_minute": round(done / elapsed * 60),
        "problems": len(report.problems),
        "unsealed_after_verify": report.unsealed,
    }


def bench_audit_curve(*, actions: int = 2000, workers=(1, 2, 4)) -> list[dict]:
    return [bench_audit(actions=actions, workers=n) for n in workers]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m protectnet.demo.bench.audit")
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protectnet.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    for figure in bench_audit_curve(actions=args.actions, workers=tuple(args.workers)):
        print(figure)


if __name__ == "__main__":
    main()
