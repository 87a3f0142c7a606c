from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from protectnet.core import multilingual

from . import models


@admin.register(models.Workshop)
class WorkshopAdmin(multilingual.OriginalAdminMixin, TranslationAdmin):
    """One field per language for the title and description (plain TranslationAdmin: no script)."""

    list_display = ("title", "series", "edition", "city", "start_date", "status")
    list_filter = ("status", "series")


@admin.register(models.Session)
class SessionAdmin(multilingual.OriginalAdminMixin, TranslationAdmin):
    list_display = ("title", "workshop", "kind", "starts_at", "capacity", "seats_taken")
    list_filter = ("kind",)


@admin.register(models.Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ("workshop", "country", "quota", "seats_held", "seats_registered")
    readonly_fields = ("seats_held", "seats_registered")


@admin.register(models.Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Sensitive fields are left out: organisers read them on the audited detail page."""

    list_display = ("pk", "workshop", "status", "country", "created_at")
    list_filter = ("status",)
    fields = ("workshop", "status", "country", "sector", "consent_participant_list")
    readonly_fields = fields


admin.site.register(models.Series)
admin.site.register(models.Speaker)
admin.site.register(models.Outcome)
