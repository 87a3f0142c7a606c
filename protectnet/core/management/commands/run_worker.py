"""Run background tasks: the queue, the periodic schedule, and recovery of lost tasks.

Start as many as you need (`make run` starts one); they share the queue through the database
(or Redis, with TASKS_BACKEND=rq) and claim each task and each scheduled slot once. SIGTERM or
Ctrl+C finishes the running task first; a second one stops at once.
"""

import os
import signal
import socket
import sys
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connections
from django_tasks_db.management.commands.db_worker import Worker
from rq import Worker as RQWorker

from protectnet.core import background


class ForkSafeWorker(RQWorker):
    """RQ's worker, closing this process's database connections before it forks a work-horse
    for each job: a forked child sharing the parent's SQLite file handle breaks its locks
    ("disk I/O error" for every later connection), and a shared PostgreSQL socket mixes the two
    processes' conversations. The child opens a connection of its own."""

    def fork_work_horse(self, job, queue):
        connections.close_all()
        return super().fork_work_horse(job, queue)


class Command(BaseCommand):
    help = "Run queued tasks and the periodic jobs (several workers may run at once)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
        parser.add_argument(
            "--once", action="store_true", help="run what is due and queued, then exit"
        )

    def handle(self, *args, interval: float = 1.0, once: bool = False, **options):
        self.stopping = False
        self.worker = None
        worker_id = f"{socket.gethostname()}-{os.getpid()}"[:64]
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        self.stdout.write(f"worker {worker_id} started", ending="\n")
        self.stdout.flush()
        last_tick = 0.0
        while not self.stopping:
            if time.monotonic() - last_tick >= background.TICK_SECONDS or once:
                background.requeue_lost()
                background.tick()
                last_tick = time.monotonic()
            self._drain(worker_id)
            close_old_connections()
            if once:
                break
            time.sleep(interval)

    def _drain(self, worker_id: str) -> None:
        if background.uses_rq():
            self._drain_rq()
            return
        self.worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        self.worker.run()
        self.worker = None

    def _drain_rq(self) -> None:
        """RQ's own worker, until the queue is empty (it runs each job in a forked work-horse
        and handles SIGTERM itself meanwhile: the job finishes, then it returns)."""
        import django_rq
        from django_tasks_rq import Job

        worker = django_rq.get_worker("default", job_class=Job, worker_class=ForkSafeWorker)
        worker.work(burst=True, with_scheduler=True, logging_level="WARNING")
        if getattr(worker, "_stop_requested", False):
            self.stopping = True
        signal.signal(signal.SIGTERM, self._stop)  # RQ put its own handlers in place
        signal.signal(signal.SIGINT, self._stop)

    def _stop(self, signum, frame) -> None:
        if self.stopping or (self.worker is not None and not self.worker.running_task):
            sys.exit(0 if not self.stopping else 1)
        self.stopping = True
        if self.worker is not None:
            self.worker.running = False
