from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from protectnet.core import multilingual

from .models import AccessRequest, Language, Resource, Topic


@admin.register(Topic)
class TopicAdmin(multilingual.OriginalAdminMixin, TranslationAdmin):
    """The name is one field per language (TranslationAdmin), the English one required; the slug,
    which links and filters use, is made from the English name."""

    list_display = ("name", "slug")
    prepopulated_fields = {"slug": (multilingual.column("name", multilingual.ORIGINAL),)}
    search_fields = tuple(multilingual.column("name", lang) for lang in multilingual.languages())


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ("code", "name")


@admin.register(Resource)
class ResourceAdmin(multilingual.OriginalAdminMixin, TranslationAdmin):
    """Metadata only: files, text and sharing change through the library's own pages. The title
    is one field per language (TranslationAdmin) and found in any of them."""

    list_display = ("title", "resource_type", "marking", "owner_organisation", "published_on")
    list_filter = ("resource_type", "marking")
    fields = ("title", "resource_type", "review_date")
    search_fields = tuple(multilingual.column("title", lang) for lang in multilingual.languages())

    def get_queryset(self, request):
        # The admin site bypasses the policy, so it lists only what needs no marking to read.
        return super().get_queryset(request).filter(marking__in=["CLEAR", "GREEN"])

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessRequest)
class AccessRequestAdmin(admin.ModelAdmin):
    list_display = ("resource", "requester_organisation", "status", "created_at")
    list_filter = ("status",)
    readonly_fields = [f.name for f in AccessRequest._meta.fields]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(resource__marking__in=["CLEAR", "GREEN"])

    def has_add_permission(self, request):
        return False
