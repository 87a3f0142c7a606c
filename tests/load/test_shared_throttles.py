"""Two app servers share their throttles through Redis: failures counted by one server lock the
address out of the other as well (with a per-process cache each would count on its own)."""

import pytest
import redis
from django.db import connection

from loadtest.run import sign_in_status as _sign_in
from loadtest.server import database_url, gunicorn
from tests import factories as f

pytestmark = [pytest.mark.load, pytest.mark.django_db(transaction=True)]

REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own, emptied before and after


def test_a_lock_out_on_one_server_holds_on_the_other(tmp_path, shared_cache):
    country = f.CountryFactory(code="KH", region="south_east_asia")
    member = f.member_of(f.OrganisationFactory(country=country), "shared.cache@example.test")
    connection.close()
    url = database_url(connection.settings_dict)
    env = {"CACHE_URL": shared_cache, "LOGIN_IP_FAILURE_LIMIT": "3"}
    with (
        gunicorn(url, workers=2, threads=2, work_dir=tmp_path / "a", extra_env=env) as one,
        gunicorn(url, workers=2, threads=2, work_dir=tmp_path / "b", extra_env=env) as two,
    ):
        assert one != two
        assert _sign_in(two, member.email, f.PASSWORD) == 302  # the right password works
        for n in range(3):
            assert _sign_in(one, f"nobody{n}@example.test", "wrong") == 400
        # Same address, other server, right password: refused while the lock-out lasts.
        assert _sign_in(two, member.email, f.PASSWORD) == 400
        assert _sign_in(one, member.email, f.PASSWORD) == 400
    assert redis.Redis.from_url(shared_cache).dbsize() > 0  # the counters lived in Redis
