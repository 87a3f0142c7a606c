import pytest

from protectnet.terminology import services


@pytest.fixture(autouse=True)
def _fresh_matcher():
    """Tests edit the list inside rolled-back transactions: each starts from the list as
    migrated, and afterwards the process gets back the matcher it had (so later apps' query
    counts do not pay for a rebuild caused by these tests)."""
    saved = dict(services._state)
    services.invalidate()
    yield
    services._state.update(saved)
