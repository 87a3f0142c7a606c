"""Read-only admin views for inspection: every change goes through the audited services (and
their pages), so the admin site cannot become a way around the audit log."""

from django.contrib import admin

from protectnet.core import multilingual

from .models import Certificate, Choice, Course, Delivery, Enrolment, FollowUp, Question


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Course)
class CourseAdmin(ReadOnlyAdmin):
    list_display = ("title", "delivering_organisation", "duration_hours", "pass_mark")
    # Found in any language (a plain "title" would search the admin's own language only).
    search_fields = tuple(multilingual.column("title", lang) for lang in multilingual.languages())


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ("text", "course", "kind", "active")
    list_filter = ("course", "active")
    inlines = [ChoiceInline]


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("course", "start_date", "end_date", "host_country", "capacity")
    list_filter = ("host_country", "mode")
    list_select_related = ("course", "host_country")


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdmin):
    list_display = ("pk", "delivery", "organisation", "status")
    list_filter = ("status",)
    list_select_related = ("delivery__course", "organisation")


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("course_title", "start_date", "issuing_organisation", "issued_at", "revoked_at")
    # The code is a bearer secret for verification: not listed, not searchable.
    exclude = ("code",)


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdmin):
    list_display = ("pk", "months", "sent_at", "answered_at", "applied")
