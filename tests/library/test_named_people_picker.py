"""A TLP:RED resource's named people are chosen with the searchable picker (kind library_person):
the search offers the people the directory shows the writer, only to members, who may write
resources; without JavaScript the plain select still works; any other id is refused with
"Choose from the list"."""

from django.utils import timezone

from protectnet.library.models import Resource
from tests.factories import rename

from .test_pages import form

NEW = "/library/new/"
REFUSED = "not among those you may choose here"


def _search(client, q: str = "Bopha") -> str:
    response = client.get("/pick/library_person/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_the_form_renders_a_picker_over_the_plain_select(world, login):
    officer = rename(world.kh_le.person, "Bopha Officer")
    html = login(world.kh_member).get(NEW).content.decode()
    assert 'data-picker-url="/pick/library_person/"' in html
    assert '<select name="named_people"' in html
    assert f'<option value="{officer.pk}">{officer.label}</option>' in html
    assert 'name="named_emails"' not in html


def test_the_search_names_people_with_their_organisation(world, login):
    officer = rename(world.kh_le.person, "Bopha Officer")
    assert officer.label in _search(login(world.kh_member))


def test_an_erased_entry_is_not_offered(world, login):
    rename(world.kh_le.person, "Bopha Officer")
    world.kh_le.person.erased_at = timezone.now()
    world.kh_le.person.save(update_fields=["erased_at"])
    assert "Bopha" not in _search(login(world.kh_member))


def test_those_who_may_not_write_resources_find_nobody(world, login):
    rename(world.kh_le.person, "Bopha Officer")
    assert "Bopha" not in _search(login(world.guest))
    assert login(None).get("/pick/library_person/", {"q": "Bopha"}).status_code == 302


def test_a_forged_person_is_refused_and_nothing_is_published(world, login):
    data = form(world, marking="RED", named_people=[999_999], link="https://x.org")
    response = login(world.kh_member).post(NEW, data)
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Resource.objects.exists()


def test_the_plain_select_names_people_and_the_edit_form_keeps_them(world, login):
    officer = rename(world.kh_le.person, "Bopha Officer")
    client = login(world.kh_member)
    data = form(world, marking="RED", named_people=[officer.pk], link="https://x.org")
    assert client.post(NEW, data).status_code == 302
    resource = Resource.objects.get()
    assert officer in resource.named_people.all()
    html = client.get(f"/library/{resource.pk}/edit/").content.decode()
    assert f'<option value="{officer.pk}" selected>{officer.label}</option>' in html
