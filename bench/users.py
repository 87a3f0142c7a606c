"""One bench user per role, signed in the way a browser would be (second factor passed)."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY

from protectnet.access.models import RoleGrant
from protectnet.accounts.models import TOTPDevice, User
from protectnet.network.models import FocalPoint, Membership, Organisation, Person, Vetting


def _user(email: str, org: Organisation | None) -> User:
    user = User.objects.create_user(email=email, password=None)
    person = Person.objects.create(full_name=email.split("@")[0], email=email, user=user)
    if org is not None:
        Membership.objects.create(person=person, organisation=org)
    return user


def _device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="bench", confirmed=True)


_EMAIL_NAMES = {
    "admin": "admin",
    "focal_point": "focal",
    "member": "member",
    "le_vetted": "le",
    "guest": "guest",
    "trainer": "trainer",
}


def make_users() -> dict[str, User]:
    le_org = Organisation.objects.filter(sector="law_enforcement").order_by("id").first()
    ngo = Organisation.objects.filter(sector="ngo").order_by("id").first()
    orgs = {"admin": le_org, "le_vetted": le_org, "guest": None}
    users = {
        role: _user(f"bench-{name}@example.test", orgs.get(role, ngo))
        for role, name in _EMAIL_NAMES.items()
    }
    RoleGrant.objects.create(user=users["admin"], role="network_admin")
    RoleGrant.objects.create(user=users["trainer"], role="trainer")
    _device(users["admin"])
    FocalPoint.objects.create(country=ngo.country, person=users["focal_point"].person)
    today = timezone.localdate()
    Vetting.objects.create(
        person=users["le_vetted"].person,
        level="law_enforcement",
        verified_on=today - timedelta(days=10),
        expires_on=today + timedelta(days=300),
    )
    _device(users["le_vetted"])
    return users


def existing_users() -> dict[str, User] | None:
    """The bench users of an already built network (a kept database), or None."""
    emails = {role: f"bench-{name}@example.test" for role, name in _EMAIL_NAMES.items()}
    found = {u.email: u for u in User.objects.filter(email__in=emails.values())}
    if len(found) != len(emails):
        return None
    return {role: found[email] for role, email in emails.items()}


def client_for(user: User | None) -> Client:
    client = Client()
    if user is None:
        return client
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def bearer_for(user: User) -> str:
    from protectnet.accounts.models import ApiToken, hash_secret

    raw = ApiToken.new_raw_key()
    ApiToken.objects.create(user=user, name="bench", key_hash=hash_secret(raw), hint=raw[:8])
    return raw
