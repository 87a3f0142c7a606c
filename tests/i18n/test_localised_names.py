"""Country names follow the reader's language (django-countries translates them under the
active language)."""


def test_a_thai_reader_sees_country_names_in_thai(world, login):
    member = world.th_member
    member.language = "th"
    member.save(update_fields=["language"])
    page = login(member).get("/network/organisations/").content.decode()
    assert "กัมพูชา" in page and ">Cambodia<" not in page


def test_an_english_reader_sees_them_in_english(world, login):
    page = login(world.th_member).get("/network/organisations/").content.decode()
    assert ">Cambodia<" in page
