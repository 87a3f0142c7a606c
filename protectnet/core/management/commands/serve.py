"""`make run`: ProtectNet as it runs in production (DEBUG=0, gunicorn, static files by
WhiteNoise), over plain http on this machine, with one task worker beside it.

The keys come from var/local.env (`init_local_secrets`); LOCAL_HTTP=1 keeps sign-in working on
http://127.0.0.1, where no TLS proxy stands in front. `make dev` keeps Django's runserver.
"""

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def server_env(bind: str, base: Mapping[str, str] = os.environ) -> dict[str, str]:
    """The environment of the server, the worker and the static files they serve."""
    host = bind.rsplit(":", 1)[0].strip("[]") or "127.0.0.1"
    env = dict(base)
    env.update(DEBUG="0", LOCAL_HTTP="1", DJANGO_SETTINGS_MODULE="protectnet.settings")
    # What the caller exported wins (a name of this machine on the local network, say).
    env.setdefault("ALLOWED_HOSTS", ",".join(dict.fromkeys([host, "127.0.0.1", "localhost"])))
    env.setdefault("SITE_URL", f"http://{bind}")
    return env


def gunicorn_command(bind: str, *, workers: int = 2, threads: int = 4) -> list[str]:
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        "protectnet.wsgi",
        f"--bind={bind}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--graceful-timeout=10",
        "--access-logfile=-",
    ]


def collect_static(env: Mapping[str, str]) -> None:
    """Production mode serves hashed file names from a manifest: without it, no page renders."""
    subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [*MANAGE, "collectstatic", "--no-input", "-v", "0"], env=env, check=True
    )


class Command(BaseCommand):
    help = "Serve in production mode (gunicorn, DEBUG=0) on plain http, with one task worker."

    def add_arguments(self, parser):
        parser.add_argument("bind", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args, bind: str, workers: int, threads: int, **options):
        env = server_env(bind)
        collect_static(env)
        worker = subprocess.Popen([*MANAGE, "run_worker"], env=env)  # noqa: S603
        self.stdout.write(f"ProtectNet on http://{bind}/ (production mode; Ctrl+C stops it)")
        try:
            subprocess.run(  # noqa: S603 - fixed arguments
                gunicorn_command(bind, workers=workers, threads=threads), env=env, check=False
            )
        except KeyboardInterrupt:
            pass  # gunicorn got the same Ctrl+C and stops its workers itself
        finally:
            stop(worker)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM lets the worker finish its task; one that hangs is killed."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
