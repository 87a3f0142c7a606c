from django.urls import path

from protectnet.access.routes import route

from .views import invitations, password, profile, second_factor, sign_in

app_name = "accounts"

urlpatterns = [
    path("login/", sign_in.login, name="login"),
    path("login/second-factor/", sign_in.login_second_factor, name="login_second_factor"),
    path("logout/", sign_in.logout, name="logout"),
    route(
        "password-reset/",
        password.PasswordResetView.as_view(),
        name="password_reset",
        action="public.view",
    ),
    route(
        "password-reset/sent/",
        password.PasswordResetDoneView.as_view(),
        name="password_reset_done",
        action="public.view",
    ),
    route(
        "password-reset/<uidb64>/<token>/",
        password.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
        action="public.view",
    ),
    route(
        "password-reset/complete/",
        password.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
        action="public.view",
    ),
    path("invitation/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("invitations/new/", invitations.invitation_create, name="invitation_create"),
    path("profile/", profile.profile, name="profile"),
    route(
        "password/",
        password.PasswordChangeView.as_view(),
        name="password_change",
        action="account.manage_own",
    ),
    path("second-factor/", second_factor.second_factor_setup, name="second_factor_setup"),
    path("second-factor/qr.svg", second_factor.second_factor_qr, name="second_factor_qr"),
    path(
        "second-factor/disable/",
        second_factor.second_factor_disable,
        name="second_factor_disable",
    ),
    path("second-factor/recovery-codes/", second_factor.recovery_codes, name="recovery_codes"),
    path("tokens/new/", profile.token_create, name="token_create"),
    path("tokens/<int:token_id>/revoke/", profile.token_revoke, name="token_revoke"),
]
