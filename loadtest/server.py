"""gunicorn in production mode (DEBUG=0) on a free loopback port, for the length of a run."""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    """The URL of a connection's database (e.g. the test database pytest-django created)."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(settings_dict['NAME']).resolve()}"
    user = quote(settings_dict.get("USER") or "postgres", safe="")
    password = (
        f":{quote(settings_dict['PASSWORD'], safe='')}" if settings_dict.get("PASSWORD") else ""
    )
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def production_env(database_url: str, static_root: Path) -> dict:
    from django.conf import settings

    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        # The server seals with this process's key and heads file, so this process can verify.
        AUDIT_HMAC_KEY=settings.AUDIT_HMAC_KEY,
        AUDIT_HEADS_FILE=str(settings.AUDIT_HEADS_FILE),
        ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on loopback: no TLS proxy in front, so no redirect to https.
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="protectnet.settings",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def collect_static(env: dict) -> None:
    # The manifest storage of production mode needs collected files, or every page fails.
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def gunicorn_command(port: int, *, workers: int, threads: int) -> list[str]:
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        "protectnet.wsgi",
        f"-w{workers}",
        f"--threads={threads}",
        f"-b127.0.0.1:{port}",
        "--graceful-timeout=5",
        "--log-level=warning",
    ]


def start_server(env: dict, log, *, workers: int = 2, threads: int = 4):
    """Start gunicorn in a session of its own (so that every process of it can be signalled at
    once) and wait until it answers; returns (process, base URL)."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        gunicorn_command(port, workers=workers, threads=threads),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base_url, process)
    except BaseException:
        stop(process)
        raise
    return process, base_url


@contextmanager
def gunicorn(
    database_url: str,
    *,
    workers: int = 2,
    threads: int = 4,
    work_dir: Path | None = None,
    extra_env: dict | None = None,
):
    """Yield the base URL of a running gunicorn; stop it (SIGTERM, then SIGKILL) afterwards.

    Collected static files and gunicorn's log (where the traceback of any 5xx lands) go to
    `work_dir`; by default into var/ (the static files removed afterwards, the log kept as
    var/loadtest-gunicorn.log)."""
    from django.conf import settings

    own_dir = work_dir is None
    if own_dir:
        work_dir = Path(tempfile.mkdtemp(prefix="loadtest-", dir=settings.VAR_DIR))
    work_dir.mkdir(parents=True, exist_ok=True)
    static_root = work_dir / "static"
    env = production_env(database_url, static_root) | (extra_env or {})
    log_path = settings.VAR_DIR / "loadtest-gunicorn.log" if own_dir else work_dir / "gunicorn.log"
    try:
        collect_static(env)
        with open(log_path, "ab") as log:
            process, base_url = start_server(env, log, workers=workers, threads=threads)
            try:
                yield base_url
            finally:
                stop(process)
    finally:
        shutil.rmtree(work_dir if own_dir else static_root, ignore_errors=True)


@contextmanager
def servers(database_url: str, count: int, *, work_dir: Path | None = None, **options):
    """`count` gunicorn servers on one database (and the cache `extra_env` names); yields their
    base URLs. Each collects its own static files and keeps its own log."""
    with ExitStack() as stack:
        urls = [
            stack.enter_context(
                gunicorn(
                    database_url, work_dir=work_dir / f"server-{n}" if work_dir else None, **options
                )
            )
            for n in range(count)
        ]
        yield urls


def wait_ready(base_url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    http = requests.Session()
    http.trust_env = False
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            if http.get(base_url + "/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:  # still booting
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /healthz in time")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the master (it stops its workers); if it hangs, SIGKILL to the whole group."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            kill_group(process)


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL to gunicorn and its workers. Only while the master is not yet reaped: until then
    its process id, which names the group, cannot belong to anyone else."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
