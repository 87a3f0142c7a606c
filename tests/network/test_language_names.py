"""A person's languages are named, in the reader's language, instead of listed as codes."""

import re

import icu


def _languages(html: str) -> str:
    return re.search(r"<dt>Languages</dt><dd>(.*?)</dd>", html, re.S).group(1)


def test_a_persons_languages_are_named_in_the_order_they_gave(d, login):
    html = login(d.admin).get(f"/network/people/{d.shared.pk}/").content.decode()
    assert _languages(html) == "Khmer, English"  # stored as ["km", "en"]


def test_a_thai_reader_reads_them_in_thai(d, login):
    d.admin.language = "th"
    d.admin.save(update_fields=["language"])
    html = login(d.admin).get(f"/network/people/{d.shared.pk}/").content.decode()
    thai = icu.Locale("th")
    names = [icu.Locale(code).getDisplayName(thai) for code in ("km", "en")]
    assert re.search(r"<dt>[^<]*</dt><dd>" + ", ".join(names) + "</dd>", html)
    assert "km, en" not in html
