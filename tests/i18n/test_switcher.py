"""The language switcher on every page lists the nine languages of the network, each in its own
script, and marks the ones whose translation no native speaker has reviewed yet as "preview"."""

import re

import pytest

OWN_NAMES = {
    "en": "English",
    "km": "ខ្មែរ",
    "vi": "Tiếng Việt",
    "th": "ไทย",
    "lo": "ລາວ",
    "my": "မြန်မာ",
    "fil": "Filipino",
    "hi": "हिन्दी",
    "zh-hant": "繁體中文",
}


def _options(page: str) -> dict[str, str]:
    switcher = re.search(r'<select id="language-select".*?</select>', page, re.S).group(0)
    found = re.findall(r'<option value="([\w-]+)"[^>]*lang="[\w-]+"[^>]*>(.*?)</option>', switcher)
    return {code: re.sub(r"\s+", " ", label).strip() for code, label in found}


@pytest.mark.django_db
def test_switcher_lists_nine_languages_in_their_own_names(client):
    options = _options(client.get("/accounts/login/").content.decode())
    assert list(options) == list(OWN_NAMES)
    for code, name in OWN_NAMES.items():
        assert options[code].startswith(name)


@pytest.mark.django_db
def test_unreviewed_languages_are_marked_preview_not_hidden(client, settings):
    settings.REVIEWED_LANGUAGES = ["en", "km"]
    options = _options(client.get("/accounts/login/").content.decode())
    assert options["en"] == "English" and options["km"] == "ខ្មែរ"
    for code in ("vi", "th", "lo", "my", "fil", "hi", "zh-hant"):
        assert options[code].endswith("(preview)"), options[code]


def test_switcher_is_on_a_signed_in_page_with_the_current_language_selected(world, login):
    member = world.kh_member
    member.language = "th"
    member.save(update_fields=["language"])
    page = login(member).get("/").content.decode()
    assert re.search(r'<option value="th" selected', page)
