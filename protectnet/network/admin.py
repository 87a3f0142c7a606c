"""The directory in the admin site: read-only, because every change goes through the pages'
services (policy check + audit entry). Countries are the exception: joining the network is an
admin decision with no personal data involved."""

from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from .models import (
    AdvisoryPanel,
    Country,
    FocalPoint,
    ImportBatch,
    Membership,
    Organisation,
    PanelMeeting,
    Person,
    Vetting,
)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "region", "joined_on")
    list_filter = ("region",)

    def has_delete_permission(self, request, obj=None):
        return False  # organisations protect their country; removing one is a migration


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(ReadOnlyAdmin):
    list_display = ("name", "acronym", "sector", "country", "verified")
    list_filter = ("sector", "country", "verified")
    search_fields = ("name", "acronym")
    exclude = ("search_text",)


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    # Full name and organisation: two entries named alike are told apart in the list.
    list_display = ("label", "email", "job_title", "consent_directory", "created_at", "erased_at")
    list_filter = ("consent_directory",)
    search_fields = ("full_name", "preferred_name", "email")
    exclude = ("search_text", "name_key")

    def get_queryset(self, request):
        memberships = Membership.objects.select_related("organisation")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("memberships", queryset=memberships))
        )

    @admin.display(description=_("Person"), ordering="full_name")
    def label(self, obj: Person) -> str:
        return obj.label


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("person", "organisation", "title", "start_date", "end_date")
    list_select_related = ("person", "organisation")


@admin.register(Vetting)
class VettingAdmin(ReadOnlyAdmin):
    list_display = ("person", "level", "verified_on", "expires_on")
    list_select_related = ("person",)


@admin.register(FocalPoint)
class FocalPointAdmin(ReadOnlyAdmin):
    list_display = ("person", "country", "since")
    list_select_related = ("person", "country")


@admin.register(AdvisoryPanel)
class AdvisoryPanelAdmin(ReadOnlyAdmin):
    list_display = ("name", "country")


@admin.register(PanelMeeting)
class PanelMeetingAdmin(ReadOnlyAdmin):
    list_display = ("title", "panel", "held_on", "marking")
    exclude = ("minutes",)  # minutes follow the TLP, which the admin site does not apply


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ("filename", "kind", "status", "created_by", "created_at")
    exclude = ("rows",)
