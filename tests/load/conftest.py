"""What the load tests share: one Redis database per test module, emptied before and after."""

import pytest
import redis


@pytest.fixture
def shared_cache(request):
    """The module's REDIS_URL (its own database number, so modules never empty each other's)."""
    url = request.module.REDIS_URL
    server = redis.Redis.from_url(url)
    try:
        server.ping()
    except redis.ConnectionError as exc:
        raise AssertionError("these tests need redis-server on 127.0.0.1:6379 (.ci/run)") from exc
    server.flushdb()
    yield url
    server.flushdb()
