"""The library names people as everywhere (full name and organisation): a RED resource's named
people, and whoever asks for access, never by a preferred (often first) name alone."""

from protectnet.library import services


def _known_as(user, name: str):
    user.person.preferred_name = name
    user.person.save(update_fields=["preferred_name"])
    return user.person


def test_red_resource_names_its_people_with_their_organisation(lib, login):
    person = _known_as(lib.w.kh_member, "Bopha")
    html = login(lib.w.kh_member).get(f"/library/{lib.r.red.pk}/").content.decode()
    assert f"<dd>{person.full_name} (Cambodian Test NGO)</dd>" in html
    assert "<dd>Bopha</dd>" not in html


def test_access_requests_name_the_requester_and_the_organisation(lib, login):
    person = _known_as(lib.w.kh_focal, "Dara")
    request = services.access_request_create(
        actor=lib.w.kh_focal, resource=lib.r.listed, organisation=lib.w.kh_police, reason="Work"
    )
    owner = login(lib.w.kh_member)
    label = f"{person.full_name} (Cambodian Test Police)"
    assert label in owner.get("/library/access-requests/").content.decode()
    assert label in owner.get(f"/library/access-requests/{request.pk}/").content.decode()
