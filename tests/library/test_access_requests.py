"""Access requests: a member asks for a listed AMBER item; the owner grants or refuses."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from protectnet.access.models import AuditEntry
from protectnet.access.principal import forget
from protectnet.library import services
from protectnet.library.models import AccessRequest
from protectnet.library.search import search


def _ask(lib, user, org, resource=None):
    return services.access_request_create(
        actor=user, resource=resource or lib.r.listed, organisation=org, reason="Case work"
    )


def test_member_asks_and_owner_grants_to_the_organisation(lib, login):
    client = login(lib.w.kh_focal)
    response = client.post(
        f"/library/restricted/{lib.r.listed.pk}/request/",
        {"organisation": lib.w.kh_police.pk, "reason": "Needed for a joint operation"},
    )
    assert response.status_code == 302
    request = AccessRequest.objects.get()
    owner = login(lib.w.kh_member)
    inbox = owner.get("/library/access-requests/").content.decode()
    assert "Needed for a joint operation" in inbox
    response = owner.post(
        f"/library/access-requests/{request.pk}/", {"decision": "grant", "scope": "organisation"}
    )
    assert response.status_code == 302
    assert lib.r.listed.shared_with.filter(pk=lib.w.kh_police.pk).exists()
    forget(lib.w.kh_le)  # a colleague in the same police force now reads it too
    assert lib.r.listed.pk in {h.resource.pk for h in search(lib.w.kh_le, "zanzibar").hits}
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "library.access.request" in actions and "library.access.grant" in actions


def test_grant_to_the_person_only_opens_it_to_that_person(lib):
    request = _ask(lib, lib.w.kh_focal, lib.w.kh_police)
    services.access_request_decide(
        actor=lib.w.kh_member, access_request=request, grant=True, scope="person"
    )
    forget(lib.w.kh_focal)
    assert lib.r.listed.pk in {h.resource.pk for h in search(lib.w.kh_focal, "zanzibar").hits}
    assert search(lib.w.kh_le, "zanzibar").total == 0


def test_refusal_is_audited_and_opens_nothing(lib):
    request = _ask(lib, lib.w.kh_focal, lib.w.kh_police)
    services.access_request_decide(actor=lib.w.kh_member, access_request=request, grant=False)
    request.refresh_from_db()
    assert request.status == "refused"
    assert AuditEntry.objects.filter(action="library.access.refuse").exists()
    assert search(lib.w.kh_focal, "zanzibar").total == 0


def test_only_the_owning_organisation_decides(lib, login):
    request = _ask(lib, lib.w.kh_focal, lib.w.kh_police)
    # The Thai member can read nothing of it; the admin has no say either.
    assert login(lib.w.th_member).get(f"/library/access-requests/{request.pk}/").status_code == 404
    assert login(lib.w.admin).get(f"/library/access-requests/{request.pk}/").status_code == 404
    # The requester sees the request but may not decide it.
    requester = login(lib.w.kh_focal)
    assert requester.get(f"/library/access-requests/{request.pk}/").status_code == 403
    assert (
        requester.post(
            f"/library/access-requests/{request.pk}/", {"decision": "grant", "scope": "person"}
        ).status_code
        == 403
    )
    request.refresh_from_db()
    assert request.status == "pending"


def test_unlisted_or_readable_items_cannot_be_requested(lib, login):
    client = login(lib.w.kh_focal)
    for resource in (lib.r.amber, lib.r.strict, lib.r.red, lib.r.green):
        assert client.get(f"/library/restricted/{resource.pk}/request/").status_code == 404
    # The owner can already read it: not a restricted item for them.
    assert (
        login(lib.w.kh_member).get(f"/library/restricted/{lib.r.listed.pk}/request/").status_code
        == 404
    )
    assert (
        login(lib.w.guest).get(f"/library/restricted/{lib.r.listed.pk}/request/").status_code == 403
    )


def test_bad_requests_are_refused_clearly(lib):
    with pytest.raises(ValidationError):  # not one of the requester's organisations
        _ask(lib, lib.w.kh_focal, lib.w.th_police)
    _ask(lib, lib.w.kh_focal, lib.w.kh_police)
    with pytest.raises(ValidationError):  # already pending
        _ask(lib, lib.w.kh_focal, lib.w.kh_police)
    request = AccessRequest.objects.get()
    with pytest.raises(ValidationError):  # granting needs a scope
        services.access_request_decide(actor=lib.w.kh_member, access_request=request, grant=True)


def test_a_decided_request_cannot_be_decided_again(lib):
    request = _ask(lib, lib.w.kh_focal, lib.w.kh_police)
    services.access_request_decide(actor=lib.w.kh_member, access_request=request, grant=False)
    request.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.access_request_decide(
            actor=lib.w.kh_member, access_request=request, grant=True, scope="person"
        )
    assert not lib.r.listed.named_people.filter(pk=lib.w.kh_focal.person.pk).exists()


def test_api_request_and_decision(lib, api):
    created = api(lib.w.kh_focal).post(
        f"/api/v1/library/resources/{lib.r.listed.pk}/access-requests",
        {"organisation": lib.w.kh_police.pk, "reason": "Joint case"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert (
        api(lib.w.th_member)
        .post(
            f"/api/v1/library/access-requests/{pk}/decision",
            {"grant": True, "scope": "organisation"},
            content_type="application/json",
        )
        .status_code
        == 404
    )
    decided = api(lib.w.kh_member).post(
        f"/api/v1/library/access-requests/{pk}/decision",
        {"grant": True, "scope": "organisation"},
        content_type="application/json",
    )
    assert decided.status_code == 200
    assert decided.json()["status"] == "granted"
    listing = api(lib.w.kh_focal).get("/api/v1/library/access-requests").json()
    assert [r["status"] for r in listing] == ["granted"]
    assert (
        api(lib.w.kh_focal)
        .post(
            f"/api/v1/library/resources/{lib.r.red.pk}/access-requests",
            {"organisation": lib.w.kh_police.pk, "reason": "x"},
            content_type="application/json",
        )
        .status_code
        == 404
    )
