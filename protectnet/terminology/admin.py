"""Django admin for the term list: every change goes through the audited services."""

from dataclasses import replace

from django.contrib import admin

from . import services
from .forms import TermForm
from .models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    form = TermForm
    list_display = ("label", "language", "severity", "context", "active", "updated_at")
    list_filter = ("language", "severity", "context", "active")
    search_fields = ("label", "variants", "preferred")
    readonly_fields = ("created_at", "updated_at", "updated_by")

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # deactivate instead: the audit log keeps pointing at the row

    def save_model(self, request, obj, form, change):
        values = {k: form.cleaned_data[k] for k in services.TERM_FIELDS if k in form.cleaned_data}
        if change:
            original = Term.objects.get(pk=obj.pk)
            data = replace(services.TermInput.of(original), **values)
            saved = services.term_update(
                actor=request.user, term=original, data=data, request=request
            )
        else:
            data = services.TermInput(**values)
            saved = services.term_create(actor=request.user, data=data, request=request)
        obj.pk = saved.pk
