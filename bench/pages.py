"""The pages and API endpoints the bench measures, with the roles that open them."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

ALL_SIGNED_IN = ("admin", "focal_point", "member", "le_vetted", "guest")
MEMBERS = ("admin", "focal_point", "member", "le_vetted")
STAFF = ("admin", "focal_point")
ADMIN = ("admin",)
# Training: members read the catalogue; the delivery's trainer manages it.
TRAINING = (*MEMBERS, "trainer")
TRAINERS = ("admin", "trainer")
# Alerts: vetted law-enforcement members only; an admin without vetting is refused (404).
ALERTS = ("admin", "le_vetted")
LE = ("le_vetted",)


@dataclass(frozen=True)
class Page:
    name: str
    url: object  # a string, or a function of the bench context returning one
    roles: tuple = MEMBERS
    api: bool = False
    needs: tuple = field(default_factory=tuple)  # context keys that must exist
    headers: tuple = ()  # (header, value) pairs sent with each request, e.g. htmx's

    def resolve(self, ctx: dict) -> str | None:
        if any(ctx.get(key) is None for key in self.needs):
            return None
        try:
            return self.url(ctx) if callable(self.url) else self.url
        except NoReverseMatch:
            return None


def page(
    route: str, roles=MEMBERS, *, kwargs: dict | None = None, query: str = "", label: str = ""
) -> Page:
    """A page by its URL name; kwargs map URL arguments to bench context keys."""
    kwargs = kwargs or {}

    def url(ctx):
        return reverse(route, kwargs={k: ctx[v] for k, v in kwargs.items()}) + query

    return Page(label or route, url, roles, needs=tuple(kwargs.values()))


def api(path: str, roles=ALL_SIGNED_IN, *, needs: tuple = ()) -> Page:
    """An API operation by its path under /api/v1; "{key}" is filled from the context."""
    return Page(f"api {path}", lambda ctx: "/api/v1" + path.format(**ctx), roles, True, needs)


def in_khmer(route: str, *, query: str = "") -> Page:
    """A member's page read in Khmer, the browser's language (the bench member stores none)."""
    return Page(
        f"{route} (Khmer)",
        lambda ctx: reverse(route) + query,
        ("member",),
        headers=(("HTTP_ACCEPT_LANGUAGE", "km"),),
    )


PAGES = [
    Page("dashboard", "/", ALL_SIGNED_IN),
    page("network:directory"),
    page("network:country_list"),
    page("network:country_detail", kwargs={"code": "country_code"}),
    page("network:organisation_list"),
    page("network:organisation_detail", kwargs={"pk": "organisation_id"}),
    page("network:person_detail", kwargs={"pk": "person_id"}),
    page("network:vetting_list", STAFF, kwargs={"pk": "person_id"}),
    page("network:panel_detail", kwargs={"pk": "panel_id"}),
    page("workshops:workshop_list", ALL_SIGNED_IN),
    page("workshops:workshop_detail", kwargs={"workshop_id": "workshop_id"}),
    page("workshops:agenda", kwargs={"workshop_id": "workshop_id"}),
    page("workshops:delegation_list", STAFF, kwargs={"workshop_id": "workshop_id"}),
    page("workshops:delegation_detail", STAFF, kwargs={"delegation_id": "delegation_id"}),
    page("workshops:registration_list", STAFF, kwargs={"workshop_id": "workshop_id"}),
    page("workshops:registration_detail", STAFF, kwargs={"registration_id": "registration_id"}),
    page("workshops:registration_me", ("member",), kwargs={"workshop_id": "workshop_id"}),
    page("workshops:outcome_list", STAFF, kwargs={"workshop_id": "workshop_id"}),
    page("workshops:report", STAFF, kwargs={"workshop_id": "workshop_id"}),
    page("workshops:report_pdf", ADMIN, kwargs={"workshop_id": "workshop_id"}),
    page("workshops:series_report", ADMIN, kwargs={"series_id": "series_id"}),
    page("training:course_list", (*ALL_SIGNED_IN, "trainer")),
    page("training:course_detail", TRAINING, kwargs={"pk": "course_id"}),
    page("training:question_list", TRAINERS, kwargs={"pk": "course_id"}),
    page("training:delivery_detail", TRAINING, kwargs={"pk": "delivery_id"}),
    page("training:my_training", ("member", "trainer")),
    page("training:capacity", (*STAFF, "trainer")),
    page("training:capacity_export", STAFF, kwargs={"fmt": "pdf"}),
    page("training:certificate_verify", ("guest",), kwargs={"code": "certificate_code"}),
    page("library:resource_list", ALL_SIGNED_IN),
    page("library:resource_detail", kwargs={"pk": "resource_id"}),
    page("library:resource_search", ALL_SIGNED_IN, query="?q=child+protection"),
    # The filters a search page asks for once its hits show (when too many matched to count).
    Page(
        "library:search_facets",
        lambda ctx: reverse("library:search_facets") + "?q=child+protection",
        ALL_SIGNED_IN,
        headers=(("HTTP_HX_REQUEST", "true"),),
    ),
    page("library:findings_list", ADMIN),
    # The member's pages read in Khmer: translation and Khmer's formats must cost what English does.
    in_khmer("core:dashboard"),
    in_khmer("workshops:workshop_list"),
    in_khmer("library:resource_search", query="?q=child+protection"),
    in_khmer("training:course_list"),
    page("alerts:alert_list", ALERTS),
    page("alerts:alert_list", LE, query="?box=inbox", label="alerts:alert_list (inbox)"),
    page("alerts:alert_detail", ALERTS, kwargs={"pk": "alert_id"}),
    page("alerts:alert_overdue", LE),
    page("alerts:stats", ADMIN),
    page("reports:index", STAFF),
    page("reports:network_overview", STAFF),
    page("reports:network_overview_export", STAFF, kwargs={"fmt": "pdf"}),
    page("terminology:term_list", ALL_SIGNED_IN),
    page("access:audit_list", ADMIN),
    api("/me"),
    api("/countries"),
    api("/countries/{country_code}", needs=("country_code",)),
    api("/organisations"),
    api("/organisations/{organisation_id}", needs=("organisation_id",)),
    api("/people", MEMBERS),
    api("/people/{person_id}", MEMBERS, needs=("person_id",)),
    api("/workshops"),
    api("/workshops/{workshop_id}", needs=("workshop_id",)),
    api("/workshops/{workshop_id}/delegations", STAFF, needs=("workshop_id",)),
    api("/workshops/{workshop_id}/registrations", STAFF, needs=("workshop_id",)),
    api("/delegations/{delegation_id}/nominations", STAFF, needs=("delegation_id",)),
    api("/courses", (*ALL_SIGNED_IN, "trainer")),
    api("/courses/{course_id}", TRAINING, needs=("course_id",)),
    api("/courses/{course_id}/questions", TRAINERS, needs=("course_id",)),
    api("/deliveries", TRAINING),
    api("/deliveries/{delivery_id}", TRAINING, needs=("delivery_id",)),
    api("/deliveries/{delivery_id}/enrolments", (*STAFF, "trainer"), needs=("delivery_id",)),
    api("/deliveries/{delivery_id}/attendance", TRAINERS, needs=("delivery_id",)),
    api("/deliveries/{delivery_id}/results", TRAINERS, needs=("delivery_id",)),
    api("/certificates", TRAINING),
    api("/library/resources"),
    api("/library/resources/{resource_id}", needs=("resource_id",)),
    api("/library/search?q=child+protection"),
    api("/alerts", ALERTS),
    api("/alerts?box=inbox", LE),
    api("/alerts/overdue", LE),
    api("/alerts/statistics", ADMIN),
    api("/alerts/{alert_id}", ALERTS, needs=("alert_id",)),
    api("/terminology/terms"),
]
