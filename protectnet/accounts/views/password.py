"""Password reset by email and password change (Django's views, audited and throttled)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from protectnet.access import audit
from protectnet.access.audit import client_ip

from ..models import User
from ..security import count_failure, throttled


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self):
        # Links are built from SITE_URL, never from the request's Host header.
        return {"site_url": settings.SITE_URL}

    def form_valid(self, form):
        ip = client_ip(self.request)
        email = form.cleaned_data["email"][:254]
        # Every request counts, so one address cannot flood inboxes; the page looks the same.
        blocked = throttled("password_reset", ip, settings.PASSWORD_RESET_IP_LIMIT)
        count_failure("password_reset", ip)
        audit.record(
            "auth.password_reset_requested",
            request=self.request,
            data={"email": email, "throttled": blocked},
        )
        if blocked:
            return super(auth_views.PasswordResetView, self).form_valid(form)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The mailbox owner proved control: lift a lock-out on the account.
        User.objects.filter(pk=form.user.pk).update(failed_logins=0, locked_until=None)
        audit.record("auth.password_reset_completed", obj=form.user, request=self.request)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record("account.password_changed", obj=self.request.user, request=self.request)
        messages.success(self.request, _("Your password has been changed."))
        return response
