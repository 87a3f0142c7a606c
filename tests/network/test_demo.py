"""The demo network: ten countries, every sector, ~150 fictitious people, one account per role."""

import re

import pytest
from django.core.management import call_command

from protectnet.access.principal import principal_for
from protectnet.access.roles import Role
from protectnet.accounts.models import TOTPDevice, User
from protectnet.demo import network as demo
from protectnet.network.models import (
    AdvisoryPanel,
    Country,
    FocalPoint,
    Membership,
    Organisation,
    PanelMeeting,
    PanelMember,
    Person,
    Sector,
    Vetting,
)

MODELS = [
    Country,
    Organisation,
    Person,
    Membership,
    Vetting,
    FocalPoint,
    AdvisoryPanel,
    PanelMember,
    PanelMeeting,
    User,
    TOTPDevice,
]


def _counts():
    return {m.__name__: m.objects.count() for m in MODELS}


@pytest.fixture
def loaded(db):
    demo.load()
    return _counts()


def test_loading_twice_changes_nothing(loaded):
    demo.load()
    assert _counts() == loaded


def test_the_demo_covers_ten_countries_every_sector_and_about_150_people(loaded):
    codes = set(Country.objects.values_list("code", flat=True))
    assert codes == {"KH", "VN", "TH", "PH", "LA", "IN", "HK", "SG", "MM", "GB"}
    assert set(Organisation.objects.values_list("sector", flat=True)) == set(Sector.values)
    assert 35 <= loaded["Organisation"] <= 50
    assert 140 <= loaded["Person"] <= 170
    for country in Country.objects.all():
        assert FocalPoint.objects.filter(country=country).exists(), country
        panel = AdvisoryPanel.objects.get(country=country)
        assert panel.members.count() >= 4 and panel.meetings.exists()
    assert Person.objects.filter(full_name__regex=r"[\u1780-\u17FF]").exists()  # Khmer script


def test_the_demo_uses_the_networks_preferred_terms(loaded):
    discouraged = re.compile(r"child (prostitut|pornograph)|sex touris", re.IGNORECASE)
    texts = list(PanelMeeting.objects.values_list("minutes", flat=True))
    texts += list(AdvisoryPanel.objects.values_list("remit", flat=True))
    texts += [str(v) for v in Person.objects.values_list("expertise", flat=True)]
    assert not any(discouraged.search(t) for t in texts)


@pytest.mark.parametrize(
    ("email", "roles"),
    [
        ("admin@protectnet.test", {Role.NETWORK_ADMIN, Role.MEMBER}),
        ("focal.kh@protectnet.test", {Role.FOCAL_POINT, Role.MEMBER}),
        ("member.kh@protectnet.test", {Role.MEMBER}),
        ("le.kh@protectnet.test", {Role.LE_VETTED, Role.MEMBER}),
        ("le.th@protectnet.test", {Role.LE_VETTED, Role.MEMBER}),
        ("le.uk@protectnet.test", {Role.LE_VETTED, Role.MEMBER}),
        ("trainer@protectnet.test", {Role.TRAINER, Role.MEMBER}),
        ("guest@protectnet.test", {Role.GUEST}),
    ],
)
def test_each_demo_account_has_its_role(loaded, email, roles):
    user = User.objects.get(email=email)
    assert set(principal_for(user).roles) == roles
    assert user.check_password("protectnet-demo-2026")


def test_demo_accounts_sit_in_the_expected_organisations(loaded):
    def org_of(email):
        return Membership.objects.get(person__user__email=email).organisation

    assert org_of("focal.kh@protectnet.test").name == "Cambodian National Police"
    assert org_of("le.th@protectnet.test").name == "Royal Thai Police"
    assert org_of("member.kh@protectnet.test").sector == Sector.NGO
    assert "fictitious" in org_of("le.uk@protectnet.test").name
    assert Organisation.objects.filter(name="British Embassy Phnom Penh", sector="diplomatic")


def test_describe_accounts_gives_passwords_and_current_totp_codes(loaded):
    lines = demo.describe_accounts()
    assert len(lines) == 8
    admin = next(line for line in lines if "admin@protectnet.test" in line)
    assert re.search(r"TOTP secret: [A-Z2-7]{32}\s+code now: \d{6}", admin)
    member = next(line for line in lines if "member.kh@" in line)
    assert "TOTP" not in member


def test_load_demo_command_prints_the_accounts(db, settings, capsys):
    settings.DEBUG = True
    call_command("load_demo", "--print-accounts")
    out = capsys.readouterr().out
    assert "focal.kh@protectnet.test" in out


def test_the_demo_writes_search_copies_so_its_names_are_found_by_their_words(loaded):
    assert not Organisation.objects.filter(search_text="").exists()
    assert not Person.objects.filter(search_text="").exists()
    assert Person.objects.filter(search_text__startswith=" ", search_text__endswith=" ").exists()
