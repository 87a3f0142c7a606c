"""The alert lists as a reader sees them: a page header, rows that become cards on a phone
(each cell names its column), and empty states that say what to do next."""

import re


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_empty_inbox_says_what_arrives_and_offers_a_new_alert(w, login):
    html = _page(login(w.kh_le), "/alerts/?box=inbox")
    assert '<header class="page-header">' in html
    assert "No alert has been sent to your agency yet." in html
    assert 'href="/alerts/new/">Create a new alert</a>' in html


def test_empty_overdue_page_says_nothing_is_late_and_links_back(w, login):
    html = _page(login(w.kh_le), "/alerts/overdue/")
    assert 'aria-label="Breadcrumb"' in html and '<span aria-current="page">Overdue alerts' in html
    assert '<div class="empty-state">' in html
    assert "Nothing is overdue" in html and 'href="/alerts/">Back to all alerts</a>' in html
    assert "<table" not in html


def test_alert_rows_stack_into_cards_each_cell_named(w, login, send):
    send()
    html = _page(login(w.kh_le), "/alerts/")
    assert '<table class="stack alert-rows">' in html
    labels = set(re.findall(r'<td data-label="([^"]+)"', html))
    assert {"Type", "Priority", "From", "To", "Acknowledge by", "Status"} <= labels
    row_header = re.search(r'<th scope="row">(.*?)</th>', html, re.S).group(1)
    assert "TLP:AMBER" in row_header  # the marking under the reference
