"""Network's rules: who browses the directory, who manages organisations, people, vetting,
focal points and advisory panels, and which directory rows each principal sees."""

from django.db.models import Exists, OuterRef, Q

from protectnet.access.policy import marking_q
from protectnet.access.principal import Principal
from protectnet.access.roles import Role
from protectnet.access.rule import (
    ADMINS,
    MEMBERS,
    SIGNED_IN,
    Rule,
    admin_or_focal_of,
    members_only,
)

from .models import Membership

R = Role


def person_manageable(p: Principal, person) -> bool:
    """Admins: everyone; focal points: people with a current membership in their country."""
    if p.is_admin:
        return True
    return bool(p.focal_country_ids & person.country_ids())


def can_vet(p: Principal, person) -> bool:
    return person.pk != p.person_id and person_manageable(p, person)


RULES: dict[str, Rule] = {
    # Guests and anonymous visitors never browse the directory (the network scopes agree).
    "network.directory.view": Rule(MEMBERS),
    "network.directory.export": Rule(MEMBERS),
    # Admins everywhere, focal points for their own country (obj: the organisation).
    "network.organisation.create": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "network.organisation.change": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "network.person.create": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "network.person.change": Rule(ADMINS | {R.FOCAL_POINT}, check=person_manageable),
    "network.person.invite": Rule(ADMINS | {R.FOCAL_POINT}, check=person_manageable),
    "network.person.erase": Rule(ADMINS, check=lambda p, o: o.pk != p.person_id),
    "network.person.duplicates": Rule(
        ADMINS, description="List possible duplicate entries of the directory"
    ),
    # obj: the entry merged away (its rows move to the kept one, its details are erased).
    "network.person.merge": Rule(
        ADMINS, description="Merge a duplicate entry into another (every link moves)"
    ),
    "network.vetting.view": Rule(ADMINS | {R.FOCAL_POINT}, check=person_manageable),
    # Nobody records their own vetting: it opens law-enforcement material.
    "network.vetting.record": Rule(ADMINS | {R.FOCAL_POINT}, check=can_vet),
    "network.focal_point.manage": Rule(ADMINS),
    "network.panel.manage": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "network.import": Rule(ADMINS | {R.FOCAL_POINT}),
    "network.personal_data.view": Rule(SIGNED_IN, description="Everything stored about oneself"),
    "network.person.export_data": Rule(
        ADMINS, description="Download everything stored about a person (audited)"
    ),
}


def person_scope(p: Principal, qs):
    """Members see the people of member organisations (a current membership), never guests or
    former members; admins see every entry, erased ones (names removed) included."""
    if p.is_admin:
        return qs
    if not p.is_member:
        return qs.none()
    # EXISTS, not IN: SQLite builds the whole IN list (every current membership of the network)
    # before it reads a row, while a correlated EXISTS lets a first page or a capped count stop
    # after the rows it needs.
    current = Membership.objects.filter(Membership.current_q(), person_id=OuterRef("pk"))
    return qs.filter(Exists(current), erased_at__isnull=True)


def vetting_scope(p: Principal, qs):
    """Vetting records: admins, focal points for people of their country, and the person."""
    if p.is_admin:
        return qs
    q = Q(person_id=p.person_id) if p.person_id else Q(pk__in=[])
    if p.focal_country_ids:
        local = Membership.objects.filter(
            Membership.current_q(), organisation__country_id__in=list(p.focal_country_ids)
        )
        q |= Q(person_id__in=local.values("person_id"))
    return qs.filter(q)


def meeting_scope(p: Principal, qs):
    """Panel minutes follow the TLP: a subquery keeps the rows distinct without distinct()."""
    if not p.is_member:
        return qs.none()
    return qs.filter(pk__in=qs.model.objects.filter(marking_q(p)).values("pk"))


def import_batch_scope(p: Principal, qs):
    """Admins and focal points see the import batches they started."""
    if p.is_admin or p.focal_country_ids:
        return qs.filter(created_by_id=p.user_id)
    return qs.none()


SCOPES = {
    "network.country": members_only,
    "network.organisation": members_only,
    "network.person": person_scope,
    "network.membership": members_only,
    "network.focalpoint": members_only,
    "network.advisorypanel": members_only,
    "network.panelmember": members_only,
    "network.vetting": vetting_scope,
    "network.panelmeeting": meeting_scope,
    "network.importbatch": import_batch_scope,
}
