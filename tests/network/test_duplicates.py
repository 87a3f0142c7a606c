"""Possible duplicates: what a network admin sees on the duplicates page and on a person's page,
and that nobody else sees either. Every name and address is fictitious."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f
from tests.network.conftest import person_in

URL = "/network/people/duplicates/"


@pytest.fixture
def twins(d):
    """ "Sok Bopha" entered twice at the same NGO (once in capitals), once more elsewhere."""
    d.bopha = person_in(d.kh_ngo, "Sok Bopha", email="bopha@example.test")
    d.bopha_again = person_in(d.kh_ngo, "SOK BOPHA")
    d.bopha_police = person_in(d.kh_police, "Sok Bopha")
    return d


def test_admin_sees_the_same_name_at_the_same_organisation_as_one_group(twins, login):
    page = login(twins.admin).get(URL).content.decode()
    assert "Sok Bopha at Cambodian Test NGO" in page
    assert f"/network/people/{twins.bopha.pk}/merge/?into={twins.bopha_again.pk}" in page
    assert f"/network/people/{twins.bopha_again.pk}/merge/?into={twins.bopha.pk}" in page
    # The namesake in another organisation is someone else until shown otherwise.
    assert f"/network/people/{twins.bopha_police.pk}/merge/" not in page
    assert "Sok Sreymom" not in page


def test_accented_and_plain_spellings_are_one_name(d, login):
    first = person_in(d.kh_ngo, "Nguyễn Văn An")
    second = person_in(d.kh_ngo, "Nguyen Van An")
    page = login(d.admin).get(URL).content.decode()
    assert f"/network/people/{first.pk}/merge/?into={second.pk}" in page


def test_an_entry_whose_address_is_another_entrys_login_is_flagged(d, login):
    with_account = f.PersonFactory(full_name="Keo Dara", email="")
    f.MembershipFactory(person=with_account, organisation=d.kh_police)
    f.account("dara.keo@example.test", person=with_account)
    typed_in = person_in(d.kh_ngo, "Dara Keo", email="Dara.Keo@example.test")
    page = login(d.admin).get(URL).content.decode()
    assert "Same address: dara.keo@example.test" in page
    assert f"/network/people/{typed_in.pk}/merge/?into={with_account.pk}" in page


def test_erased_entries_are_not_flagged(twins, login):
    twins.bopha_again.erased_at = twins.bopha_again.created_at
    twins.bopha_again.save(update_fields=["erased_at"])
    page = login(twins.admin).get(URL).content.decode()
    assert "No possible duplicates" in page


def test_the_group_shows_what_each_entry_holds(twins, login):
    page = login(twins.admin).get(URL).content.decode()
    assert "Network: memberships: 1" in page
    assert "bopha@example.test" in page


@pytest.mark.parametrize("role", ["kh_focal", "th_focal", "kh_member", "kh_le", "trainer", "guest"])
def test_only_network_admins_see_duplicates(twins, login, role):
    client = login(getattr(twins, role))
    assert client.get(URL).status_code == 403
    merge = f"/network/people/{twins.bopha_again.pk}/merge/?into={twins.bopha.pk}"
    assert client.get(merge).status_code == 403
    assert client.post(merge, {"into": twins.bopha.pk}).status_code == 403
    detail = client.get(f"/network/people/{twins.bopha.pk}/").content.decode()
    assert "Possible duplicate of" not in detail


def test_anonymous_visitors_are_sent_to_sign_in(twins, login):
    assert login(None).get(URL).status_code == 302


def test_the_admin_sees_the_flag_on_the_persons_page(twins, login):
    page = login(twins.admin).get(f"/network/people/{twins.bopha.pk}/").content.decode()
    assert "Possible duplicate of" in page
    assert "SOK BOPHA (Cambodian Test NGO)" in page
    assert f"/network/people/{twins.bopha_again.pk}/merge/?into={twins.bopha.pk}" in page
    other = login(twins.admin).get(f"/network/people/{twins.shared.pk}/").content.decode()
    assert "Possible duplicate of" not in other


def _count(client) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.queries("network:duplicate_list")
def test_the_page_costs_the_same_for_one_group_and_ten(twins, login, django_assert_num_queries):
    client = login(twins.admin)
    client.get(URL)
    one = _count(client)
    for i in range(9):
        person_in(twins.kh_ngo, f"Chan Dara {i}")
        person_in(twins.kh_ngo, f"Chan Dara {i}")
    cache.clear()
    with django_assert_num_queries(one):
        page = client.get(URL).content.decode()
    assert page.count('class="duplicate-group"') == 10
