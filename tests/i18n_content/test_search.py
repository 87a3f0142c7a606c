"""Library search indexes the title and summary in every language given."""

from protectnet.library.services import ResourceData, resource_update


def _translate(world, resource, translations):
    data = ResourceData(
        title=resource.title_en,
        summary=resource.summary_en,
        resource_type=resource.resource_type,
        owner_organisation=resource.owner_organisation,
        marking=resource.marking,
        languages=list(resource.languages.all()),
        published_on=resource.published_on,
    )
    resource_update(actor=world.admin, resource=resource, data=data, translations=translations)


def test_search_finds_a_resource_by_its_vietnamese_title(world, content, login):
    _translate(world, content.resource, {"vi": {"title": "Hướng dẫn nhận dạng nạn nhân"}})
    html = login(world.kh_member).get("/library/search/", {"q": "nhận dạng"}).content.decode()
    assert f'href="/library/{content.resource.pk}/"' in html


def test_search_finds_a_resource_by_its_khmer_summary(world, content, login):
    _translate(world, content.resource, {"km": {"summary": "ការកំណត់អត្តសញ្ញាណជនរងគ្រោះ"}})
    html = login(world.kh_member).get("/library/search/", {"q": "អត្តសញ្ញាណ"}).content.decode()
    assert f'href="/library/{content.resource.pk}/"' in html


def test_the_english_title_is_still_found(world, content, login):
    _translate(world, content.resource, {"vi": {"title": "Hướng dẫn nhận dạng nạn nhân"}})
    html = login(world.kh_member).get("/library/search/", {"q": "victim"}).content.decode()
    assert f'href="/library/{content.resource.pk}/"' in html
