"""The admin edits each language in its own field and finds a title in any of them."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test import RequestFactory
from django.utils import translation

from protectnet.library.models import Resource


def _superuser(world):
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save(update_fields=["is_staff", "is_superuser"])
    return world.admin


def test_the_admin_shows_one_title_field_per_language(world, content, login):
    client = login(_superuser(world))
    page = client.get(f"/admin/library/resource/{content.resource.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="title_en"' in html and 'name="title_km"' in html and 'name="title"' not in html


def test_the_admin_finds_a_resource_by_a_translated_title(world, content, login):
    Resource.objects.filter(pk=content.resource.pk).update(title_th="คู่มือการระบุตัวผู้เสียหาย")
    page = login(_superuser(world)).get("/admin/library/resource/", {"q": "คู่มือ"})
    assert f"/admin/library/resource/{content.resource.pk}/change/" in page.content.decode()


@pytest.mark.parametrize("name", ["workshop", "session", "resource"])
def test_a_save_in_the_admin_keeps_the_english_original_in_the_base_column(world, content, name):
    """django-modeltranslation writes into the base column what `obj.title` reads, the saver's
    language; the admin saves as the original, so that column stays English."""
    obj = getattr(content, name)
    type(obj).objects.filter(pk=obj.pk).update(title_km="ចំណងជើងជាភាសាខ្មែរ")
    obj = type(obj).objects.get(pk=obj.pk)
    request = RequestFactory().post("/")
    request.user = _superuser(world)
    with translation.override("km"):
        admin.site._registry[type(obj)].save_model(request, obj, form=None, change=True)
    table = type(obj)._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title, title_en FROM {table} WHERE id = %s", [obj.pk])  # noqa: S608
        base, original = cursor.fetchone()
    assert base == original != "ចំណងជើងជាភាសាខ្មែរ"
