"""The admin edits each language in its own field and finds a title in any of them."""

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
