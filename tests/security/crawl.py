"""A small same-origin crawler over the test client: what a user can reach by following links."""

from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

from django.urls import Resolver404, resolve

SKIP_PREFIXES = ("/accounts/logout", "/static/", "/admin/", "/i18n/")
BINARY_TYPES = ("application/pdf", "text/csv", "text/calendar", "application/vnd", "image/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


@dataclass
class CrawlResult:
    visited: dict[str, int] = field(default_factory=dict)  # url -> status
    bodies: dict[str, str] = field(default_factory=dict)  # url -> html (text pages only)

    def failures(self) -> list[str]:
        return [f"{url} -> {status}" for url, status in self.visited.items() if status >= 500]


def _local(href: str) -> str | None:
    href, _ = urldefrag(href)
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc or not parsed.path.startswith("/"):
        return None
    if parsed.path.startswith(SKIP_PREFIXES):
        return None
    return parsed.path + (f"?{parsed.query}" if parsed.query else "")


def _view_name(url: str) -> str:
    try:
        return resolve(urlparse(url).path).view_name
    except Resolver404:
        return "?"


def crawl(client, start: str = "/", *, max_pages: int = 250, per_view: int = 3) -> CrawlResult:
    """Breadth-first from `start`; at most `per_view` URLs of any one view, so lists of
    thousands of detail links cost a few requests, not thousands."""
    result = CrawlResult()
    queue, seen, per = deque([start]), {start}, Counter()
    while queue and len(result.visited) < max_pages:
        url = queue.popleft()
        response = client.get(url)
        result.visited[url] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or content_type.startswith(BINARY_TYPES):
            continue
        if hasattr(response, "streaming_content") or "html" not in content_type:
            continue
        html = response.content.decode("utf-8", "replace")
        result.bodies[url] = html
        parser = _Links()
        parser.feed(html)
        for href in parser.links:
            link = _local(href)
            if link is None or link in seen:
                continue
            view = _view_name(link)
            if per[view] >= per_view:
                continue
            per[view] += 1
            seen.add(link)
            queue.append(link)
    return result
