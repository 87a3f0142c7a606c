"""schemathesis against /api/v1/openapi.json: no 5xx, and responses match the schema.

Cases run in-process through WSGI, as a vetted law-enforcement member with a token (the role
that reaches the most operations) and anonymously. The number of examples per operation is kept
small so the suite stays fast; `SCHEMATHESIS_EXAMPLES` raises it for a deeper local run.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from protectnet.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "5"))


@pytest.fixture(autouse=True)
def keep_test_connection():
    """Like Django's test client: a finished request must not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(world, api_token):
    return {"Authorization": f"Bearer {api_token(world.kh_le)}"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_never_fails_and_matches_its_schema(case, bearer):
    # Schema-valid data may still break a business rule (a deadline in the past, a recipient
    # that is not a partner agency): that is a documented 422, not a defect. Pydantic's lax
    # coercion (0 -> false) and tolerated unknown query parameters are deliberate too.
    case.call_and_validate(
        headers=bearer, excluded_checks=[positive_data_acceptance, negative_data_rejection]
    )
