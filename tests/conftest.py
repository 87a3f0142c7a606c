"""Shared fixtures: a small network with one user per role, and a way to sign them in."""

import copy
import os
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import Client, override_settings
from django_otp import DEVICE_ID_SESSION_KEY

from protectnet.accounts.models import TOTPDevice
from tests import factories as f

# Tests run with DEBUG=False, so (as in production) encrypted fields need a configured key. The
# environment carries it to the gunicorn and worker processes some tests start.
TEST_FIELD_KEY = "9u9YOXIoSCCefVI2yZBTTpKKksU9lViHxc_dsFpHI5g="
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", TEST_FIELD_KEY)
SUITE_FIELD_KEY = os.environ["FIELD_ENCRYPTION_KEYS"].split(",")[0]
# Tasks run inside the request that queues them, so a test sees their effect (a sent email) at
# once; tests of the queue itself (tests/core/test_background.py) switch to the database backend.
os.environ.setdefault("TASKS_BACKEND", "immediate")


def _own_redis_database() -> None:
    """With CACHE_URL on Redis (CI's PostgreSQL run), each xdist worker takes a database of its
    own: the per-test `cache.clear()` empties a whole database. Servers a test starts inherit it.
    Database 15 is left to the two-server test (tests/load/test_shared_throttles.py)."""
    url = os.environ.get("CACHE_URL", "")
    if not url.startswith("redis"):
        return
    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or "0"
    own = f"{url.rsplit('/', 1)[0] if url.count('/') > 2 else url}/{1 + int(worker) % 14}"
    os.environ["CACHE_URL"] = own
    settings.CACHES["default"]["LOCATION"] = own


_own_redis_database()
# Longest files first. `make test` hands whole files to two workers (--dist loadfile) in the
# order of the collection (--no-loadscope-reorder): xdist's own order, most tests first, left the
# load, fault and browser files (few tests, minutes each) to the end, where one worker ran them
# alone while the other sat idle. Ranks by what a file's tests do; ties keep the larger first.
SLOWEST_FIRST = (
    ("tests/load/", "tests/faults/", "tests/bench/"),
    ("tests/e2e/test_languages.py", "tests/e2e/test_journeys.py"),
    ("tests/e2e/",),
)
SLOW_MARKERS = ("slow", "concurrency")


def _file_rank(path: str, items: list) -> tuple[int, int]:
    for rank, prefixes in enumerate(SLOWEST_FIRST):
        if path.startswith(prefixes):
            return rank, -len(items)
    slow = any(item.get_closest_marker(name) for item in items for name in SLOW_MARKERS)
    return len(SLOWEST_FIRST) + (0 if slow else 1), -len(items)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Whole files in rank order; inside a file, the order pytest-django chose is kept."""
    files: dict[str, list] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::", 1)[0], []).append(item)
    ranked = sorted(files.items(), key=lambda pair: _file_rank(*pair))
    items[:] = [item for _, members in ranked for item in members]


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Django deletes an old SQLite test database of the same name (the name holds the run's
    process id, which comes round again) but not its -wal and -shm files; SQLite would replay
    that stale log into the new database and the processes some tests start would read a
    broken file ("disk I/O error"). Remove them before the database is made."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{database['TEST']['NAME']}{suffix}").unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    if settings.TASKS != IMMEDIATE_TASKS:
        settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def database_tasks(settings, monkeypatch, _immediate_tasks):
    """Tasks go to the database queue, as in production, until `run()` works through it the way
    `manage.py run_worker --once` does (inside the test's transaction: the worker's habit of
    closing idle connections is turned off)."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    from protectnet.core.management.commands import run_worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for module in (db_worker, run_worker):
        monkeypatch.setattr(module, "close_old_connections", lambda: None)

    class Queue:
        @staticmethod
        def queued() -> list[str]:
            from django_tasks_db.models import DBTaskResult

            return list(DBTaskResult.objects.ready().values_list("task_path", flat=True))

        @staticmethod
        def run() -> str:
            out = StringIO()
            call_command("run_worker", "--once", stdout=out)
            return out.getvalue()

    return Queue()


@pytest.fixture(autouse=True)
def _field_encryption_key(settings):
    settings.FIELD_ENCRYPTION_KEYS = os.environ["FIELD_ENCRYPTION_KEYS"].split(",")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language, as a new request does: a page a previous test
    read in Khmer leaves Khmer active in this thread, and a model built with `title=` would then
    write its Khmer column (texts in several languages, core/multilingual.py)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _reference_data(request):
    """A transactional test empties every table when it ends, the rows data migrations seeded
    included (languages, topics, terminology), and with tests spread over workers file by file a
    database test may run after one. Put the rows back when missing, so that no test depends on
    the order the suite runs in."""
    names = set(request.fixturenames)
    transactional = bool({"transactional_db", "live_server"} & names)
    if transactional or "db" in names or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("transactional_db" if transactional else "db")
        _ensure_reference_rows()
    yield


def _ensure_reference_rows() -> None:
    import importlib

    from django.apps import apps

    from protectnet.terminology import services as terminology
    from protectnet.terminology.data import load_terms

    Language, Term = apps.get_model("library", "Language"), apps.get_model("terminology", "Term")
    if Language.objects.exists() and Term.objects.exists():
        return
    importlib.import_module("protectnet.library.migrations.0002_search_and_seed").seed(apps, None)
    migrations = "protectnet.library.migrations."
    # As the migrations leave the topics: renamed (0007), then named in every language (0011).
    renamed = importlib.import_module(migrations + "0007_offenders_topic_preferred_term")
    renamed.rename(renamed.OLD, renamed.NEW)(apps, None)
    importlib.import_module(migrations + "0011_seeded_topic_names_translated").fill(apps, None)
    load_terms(Term)
    terminology.invalidate()
    # Saving the topics again recorded changes for the cached library figures; a migrated
    # database starts with no change log, and tests of that log count from empty.
    apps.get_model("core", "DataChange").objects.all().delete()


@pytest.fixture(autouse=True)
def _audit_heads_file(tmp_path, settings, monkeypatch):
    """Each test's audit log starts empty, so its sealed heads go to a file of its own (also for
    the servers and workers a test starts: they inherit the environment)."""
    path = str(tmp_path / "audit-heads.log")
    settings.AUDIT_HEADS_FILE = path
    monkeypatch.setenv("AUDIT_HEADS_FILE", path)
    monkeypatch.setenv("AUDIT_HMAC_KEY", settings.AUDIT_HMAC_KEY)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """argon2 is deliberately slow: tests use it with small costs (tests/hashers.py), so hashes
    keep the production format; tests that check hashing itself can override this back."""
    settings.PASSWORD_HASHERS = FAST_HASHERS


FAST_HASHERS = [
    "tests.hashers.FastArgon2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]


def _build_world() -> SimpleNamespace:
    """Two countries, organisations in several sectors, and a user for every role.

    kh_* live in Cambodia, th_* in Thailand. `outsider_*` are members of other organisations.
    """
    kh = f.CountryFactory(code="KH", region="south_east_asia")
    th = f.CountryFactory(code="TH", region="south_east_asia")
    gb = f.CountryFactory(code="GB", region="europe")
    kh_police = f.OrganisationFactory(
        name="Cambodian Test Police", sector="law_enforcement", country=kh
    )
    kh_ngo = f.OrganisationFactory(name="Cambodian Test NGO", sector="ngo", country=kh)
    th_police = f.OrganisationFactory(name="Thai Test Police", sector="law_enforcement", country=th)
    th_ministry = f.OrganisationFactory(name="Thai Test Ministry", sector="government", country=th)
    uk_agency = f.OrganisationFactory(name="UK Test Agency", sector="law_enforcement", country=gb)
    w = SimpleNamespace(
        kh=kh,
        th=th,
        gb=gb,
        kh_police=kh_police,
        kh_ngo=kh_ngo,
        th_police=th_police,
        th_ministry=th_ministry,
        uk_agency=uk_agency,
    )
    w.admin = f.make_admin("admin@example.test", org=uk_agency)
    w.kh_focal = f.make_focal_point(kh, kh_police, "focal.kh@example.test")
    w.th_focal = f.make_focal_point(th, th_ministry, "focal.th@example.test")
    w.kh_member = f.member_of(kh_ngo, "member.kh@example.test")
    w.th_member = f.member_of(th_ministry, "member.th@example.test")
    w.kh_le = f.make_le_vetted(kh_police, "le.kh@example.test")
    w.th_le = f.make_le_vetted(th_police, "le.th@example.test")
    w.uk_le = f.make_le_vetted(uk_agency, "le.uk@example.test")
    w.kh_le_unvetted = f.member_of(kh_police, "le.unvetted.kh@example.test")
    w.trainer = f.make_trainer("trainer@example.test", org=uk_agency)
    w.guest = f.make_guest("guest@example.test")
    return w


TRANSACTIONAL = {"transactional_db", "live_server", "django_db_reset_sequences", "db_url"}


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(TRANSACTIONAL & set(item.fixturenames)) or bool(
        marker and marker.kwargs.get("transaction")
    )


class _ModuleWorld:
    """The world of one test module, built once inside a transaction that is rolled back when
    the module ends (or before its first transactional test, which needs committed data);
    each test then runs in a savepoint inside it, as Django's TestCase.setUpTestData does."""

    def __init__(self, blocker):
        self.blocker, self.atomic, self.built = blocker, None, None

    def open(self) -> None:
        from django.db import transaction

        self.blocker.unblock()
        self.atomic = transaction.atomic()
        self.atomic._from_testcase = True  # the audit log treats it as the test's own wrapper
        self.atomic.__enter__()
        # What the per-test settings fixtures set, for the objects built before any test.
        with override_settings(
            FIELD_ENCRYPTION_KEYS=os.environ["FIELD_ENCRYPTION_KEYS"].split(","),
            PASSWORD_HASHERS=FAST_HASHERS,
            TASKS=IMMEDIATE_TASKS,
        ):
            _ensure_reference_rows()
            self.built = _build_world()

    def close(self) -> None:
        from django.db import transaction

        if self.atomic is None:
            return
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)
        self.atomic = self.built = None
        self.blocker.restore()


@pytest.fixture(scope="module")
def _module_world(request, django_db_setup, django_db_blocker):
    holder = _ModuleWorld(django_db_blocker)
    if not _is_transactional(request._pyfuncitem):
        holder.open()
    yield holder
    holder.close()


@pytest.fixture
def world(request, _module_world, db):
    """The shared network (see _build_world), a fresh copy for each test: changes a test makes,
    in the database or to these objects, do not reach the next test."""
    if _is_transactional(request.node):
        _module_world.close()  # committed data from here on: this test builds its own
        return _build_world()
    if _module_world.built is None:  # after a transactional test in the same module
        return _build_world()
    return copy.deepcopy(_module_world.built)


def sign_in(client: Client, user) -> Client:
    """Sign in as a browser would after passing the second factor where the user has one."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def login(client):
    """login(user) -> a signed-in test client (None: stays anonymous)."""

    def _login(user):
        fresh = Client()
        return sign_in(fresh, user) if user is not None else fresh

    return _login


@pytest.fixture
def api_token(db):
    """api_token(user) -> raw bearer token."""
    from protectnet.accounts.models import ApiToken, hash_secret

    def _make(user, name="test"):
        raw = ApiToken.new_raw_key()
        ApiToken.objects.create(user=user, name=name, key_hash=hash_secret(raw), hint=raw[:8])
        return raw

    return _make


@pytest.fixture
def api(client, api_token):
    """api(user) -> a client whose requests carry that user's bearer token."""

    def _client(user):
        c = Client()
        if user is not None:
            c.defaults["HTTP_AUTHORIZATION"] = f"Bearer {api_token(user)}"
        return c

    return _client


S3_BUCKET = "protectnet-media"
S3_KEYS = {"access_key": "test-access", "secret_key": "test-secret"}


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on a free loopback port: boto3 reaches it over HTTP as it would MinIO,
    Ceph or AWS, with the same settings and the same signed addresses."""
    import socket

    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def s3_objects(client) -> list[str]:
    listing = client.list_objects_v2(Bucket=S3_BUCKET).get("Contents", [])
    return sorted(item["Key"] for item in listing)


@pytest.fixture
def s3_bucket(s3_endpoint, settings):
    """An empty private bucket, and MEDIA_STORAGE=s3 on it as settings.py builds it; yields a
    boto3 client to look inside."""
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_KEYS["access_key"],
        aws_secret_access_key=S3_KEYS["secret_key"],
    )
    client.create_bucket(Bucket=S3_BUCKET)
    settings.MEDIA_STORAGE = "s3"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                **S3_KEYS,
                "default_acl": None,
                "querystring_auth": True,
                "querystring_expire": settings.MEDIA_URL_SECONDS,
                "file_overwrite": False,
                "signature_version": "s3v4",
                "addressing_style": "path",
            },
        },
    }
    yield client
    for key in s3_objects(client):
        client.delete_object(Bucket=S3_BUCKET, Key=key)
    client.delete_bucket(Bucket=S3_BUCKET)
