"""Accounts in the admin site. Nobody can change their own staff status, superuser flag or
permissions here (a user can never raise their own role)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, Invitation, TOTPDevice, User

SELF_LOCKED_FIELDS = ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_active", "is_staff", "locked_until", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = (
        (None, {"fields": ("email", "display_name", "password")}),
        (_("Sign-in"), {"fields": ("failed_logins", "locked_until", "last_login", "date_joined")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk:
            fields.extend(SELF_LOCKED_FIELDS)
        return fields


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Admins can see and revoke tokens (set "revoked at"); raw values are never stored."""

    list_display = ["name", "user", "hint", "created_at", "last_used_at", "revoked_at"]
    search_fields = ["user__email", "name"]
    readonly_fields = ["user", "name", "key_hash", "hint", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "invited_by", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email"]
    readonly_fields = ["email", "token_hash", "invited_by", "person_id", "created_at"]

    def has_add_permission(self, request):
        return False  # invitations are sent from the invitation page, which sends the email


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    """Admins can see who has an authenticator and delete one (a lost phone: the person then
    sets up a new one). The seed is never shown: nobody but the phone needs it."""

    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__email", "name"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
