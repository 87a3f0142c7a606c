"""Admin site for the access app, and the bridge from Django admin's change log to the audit log.

Every add, change and delete made through the admin site (whatever the app) becomes an audit
entry: single objects through LogEntry's post_save, bulk deletions (which Django logs with
bulk_create, sending no signal) through the site-wide "delete selected" action below.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from . import audit
from .models import AuditEntry, RoleGrant
from .services import role_grant, role_revoke

ADMIN_ACTIONS = {ADDITION: "admin.add", CHANGE: "admin.change", DELETION: "admin.delete"}


@receiver(post_save, sender=LogEntry, dispatch_uid="protectnet_admin_log_to_audit")
def admin_change_to_audit(sender, instance: LogEntry, created: bool, **kwargs) -> None:
    if not created:
        return
    audit.record(
        ADMIN_ACTIONS.get(instance.action_flag, "admin.other"),
        actor=instance.user,
        object_repr=instance.object_repr,
        data={
            "model": instance.content_type.model_class()._meta.label_lower
            if instance.content_type and instance.content_type.model_class()
            else "",
            "object_id": instance.object_id or "",
            "change": instance.get_change_message(),
        },
    )


def audited_delete_selected(modeladmin, request, queryset):
    """Django's bulk delete, with one audit entry per object when several go at once."""
    if request.POST.get("post") and queryset.count() > 1:
        for obj in queryset:
            audit.record(
                "admin.delete",
                actor=request.user,
                obj=obj,
                request=request,
                data={"model": obj._meta.label_lower, "bulk": True},
            )
    return delete_selected(modeladmin, request, queryset)


audited_delete_selected.short_description = delete_selected.short_description
audited_delete_selected.allowed_permissions = delete_selected.allowed_permissions
admin.site.add_action(audited_delete_selected, "delete_selected")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, and admins read it here or on the audit page."""

    list_display = ["seq", "created_at", "actor_label", "action", "object_type", "object_id", "ip"]
    list_filter = ["action"]
    search_fields = ["actor_label", "action", "object_repr"]
    ordering = ["-seq"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RoleGrantForm(forms.ModelForm):
    class Meta:
        model = RoleGrant
        fields = ["user", "role"]

    def clean(self):
        data = super().clean()
        if data.get("user") is not None and data["user"].pk == self.request_user.pk:
            raise forms.ValidationError(_("Nobody can change their own roles."))
        return data


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    """Grants go through the service, so the self-grant refusal and the audit entry apply."""

    form = RoleGrantForm
    list_display = ["user", "role", "granted_by", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__email"]
    actions = None  # no bulk delete: each revocation goes through role_revoke
    autocomplete_fields = ["user"]

    def has_change_permission(self, request, obj=None):
        return False  # revoke and grant again instead of editing a grant

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.request_user = request.user
        return form

    def save_model(self, request, obj, form, change):
        grant = role_grant(actor=request.user, user=obj.user, role=obj.role, request=request)
        obj.pk = grant.pk

    def delete_model(self, request, obj):
        if obj.user_id == request.user.pk:
            raise PermissionDenied
        role_revoke(actor=request.user, user=obj.user, role=obj.role, request=request)
