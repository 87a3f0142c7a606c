from django.contrib import auth
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from protectnet.access import audit


def login(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        auth.login(request, form.get_user())
        audit.record("auth.sign_in", request=request)
        return redirect("core:dashboard")
    return render(request, "accounts/login.html", {"form": form})


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record("auth.sign_out", request=request)
    auth.logout(request)
    return redirect("accounts:login")


def profile(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/profile.html")
