"""Dashboard cards count only what the user may read, and show requests to the owner."""

from protectnet.library import dashboard, services


def _card(user, title):
    return next((c for c in dashboard.cards(user) if c.title == title), None)


def test_library_card_counts_readable_resources_only(lib):
    assert _card(lib.w.kh_member, "Library").value == "6"
    assert _card(lib.w.kh_focal, "Library").value == "2"
    assert _card(lib.w.guest, "Library").value == "1"


def test_owner_sees_pending_access_requests_and_admin_sees_findings(lib):
    assert _card(lib.w.kh_member, "Library access requests") is None
    services.access_request_create(
        actor=lib.w.kh_focal, resource=lib.r.listed, organisation=lib.w.kh_police, reason="x"
    )
    assert _card(lib.w.kh_member, "Library access requests").value == "1"
    assert _card(lib.w.kh_focal, "Library access requests") is None
    assert _card(lib.w.admin, "Terminology findings") is not None
    assert _card(lib.w.kh_member, "Terminology findings") is None
