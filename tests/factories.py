"""factory_boy factories and role builders. Every name and address here is fictitious."""

from datetime import date

import factory
from django.utils import timezone

from protectnet.access.models import RoleGrant
from protectnet.access.roles import Role
from protectnet.accounts.models import TOTPDevice, User
from protectnet.network.models import (
    Country,
    FocalPoint,
    Membership,
    Organisation,
    Person,
    Sector,
    Vetting,
    VettingLevel,
)
from protectnet.workshops.models import Series, Workshop

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "KH"
    region = "south_east_asia"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.NGO
    country = factory.SubFactory(CountryFactory)
    verified = True


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Test Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.test")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series
        django_get_or_create = ("name",)

    name = "Regional workshops"


class WorkshopFactory(factory.django.DjangoModelFactory):
    """A published edition in Phnom Penh, open for registration, years ahead (so nothing about
    it has started). Tests that number their editions pass `edition`; the sequence starts far
    above them."""

    class Meta:
        model = Workshop

    series = factory.SubFactory(SeriesFactory)
    edition = factory.Sequence(lambda n: 1000 + n)
    title = factory.LazyAttribute(lambda w: f"Regional workshop {w.edition}")
    host_country = factory.SubFactory(CountryFactory)
    city = "Phnom Penh"
    venue_name = "Test Hotel"
    venue_address = "1 Test Boulevard"
    time_zone = "Asia/Phnom_Penh"
    start_date = date(2030, 3, 4)
    end_date = date(2030, 3, 5)
    status = "registration_open"


def rename(person: Person, full_name: str) -> Person:
    """The entry under another name, saved as the services save it: with its search copy and
    folded name, so that the directory search and the pickers find it by the new name."""
    person.full_name = full_name
    person.refresh_search_text()
    person.save(update_fields=["full_name", *Person.SEARCH_FIELDS])
    return person


def speaks(user: User, language: str, *, directory: str | None = None) -> User:
    """The account reads in `language` ("": it has chosen none); `directory`, when given, is the
    language of the person's directory entry."""
    user.language = language
    user.save(update_fields=["language"])
    if directory is not None:
        user.person.language = directory
        user.person.save(update_fields=["language"])
    return user


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def account(email: str, *, person: Person | None = None) -> User:
    user = UserFactory(email=email)
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    return user


def member_of(org: Organisation, email: str, **person_fields) -> User:
    person = PersonFactory(email=email, **person_fields)
    MembershipFactory(person=person, organisation=org)
    return account(email, person=person)


def make_admin(email: str = "admin@example.test", org: Organisation | None = None) -> User:
    user = member_of(org, email) if org else account(email, person=PersonFactory(email=email))
    RoleGrant.objects.create(user=user, role=Role.NETWORK_ADMIN)
    confirmed_device(user)
    return user


def make_trainer(email: str = "trainer@example.test", org: Organisation | None = None) -> User:
    user = member_of(org, email) if org else account(email, person=PersonFactory(email=email))
    RoleGrant.objects.create(user=user, role=Role.TRAINER)
    return user


def make_focal_point(country: Country, org: Organisation, email: str) -> User:
    user = member_of(org, email)
    FocalPoint.objects.create(country=country, person=user.person)
    return user


def vet(user: User, *, days_left: int = 365, level: str = VettingLevel.LAW_ENFORCEMENT) -> Vetting:
    today = timezone.localdate()
    return Vetting.objects.create(
        person=user.person,
        level=level,
        verified_on=today - timezone.timedelta(days=30),
        expires_on=today + timezone.timedelta(days=days_left),
    )


def make_le_vetted(org: Organisation, email: str) -> User:
    user = member_of(org, email)
    vet(user)
    confirmed_device(user)
    return user


def make_guest(email: str = "guest@example.test") -> User:
    return account(email, person=PersonFactory(email=email))


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app would show now (or `steps_ahead` periods later)."""
    import time

    from django_otp.oath import TOTP

    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = time.time() + steps_ahead * device.step
    return f"{generator.token():0{device.digits}d}"
