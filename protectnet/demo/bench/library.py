"""Library search benchmark: bulk-build N resources with text, then time the search service.

    DATABASE_URL=sqlite:///var/bench-library.sqlite3 \
        python -m protectnet.demo.bench.library --n 100000

`run(n)` is what `make bench` can call: it returns the figures (median and p95 in ms per query
and role) and never runs against the development database unless told to. Not a timed test.
"""

import argparse
import os
import random
import statistics
import time

WORDS = {
    "en": (
        "child protection online investigation evidence report victim support police ministry "
        "cooperation training school prevention grooming platform referral shelter court "
        "interview safeguarding exploitation abuse material offender travel network regional "
        "guideline policy response hotline counselling family community digital forensic"
    ).split(),
    "vi": (
        "bảo vệ trẻ em điều tra trực tuyến chứng cứ báo cáo nạn nhân hỗ trợ công an bộ hợp tác "
        "đào tạo trường học phòng ngừa nền tảng tòa án phỏng vấn gia đình cộng đồng"
    ).split(),
    "th": [
        "การคุ้มครองเด็ก",
        "ออนไลน์",
        "การสืบสวน",
        "พยานหลักฐาน",
        "ผู้เสียหาย",
        "ตำรวจ",
        "ความร่วมมือ",
        "การฝึกอบรม",
        "โรงเรียน",
        "การป้องกัน",
        "ครอบครัว",
        "ชุมชน",
    ],
    "km": [
        "ការការពារកុមារ",
        "អ៊ីនធឺណិត",
        "ការស៊ើបអង្កេត",
        "ភស្តុតាង",
        "ជនរងគ្រោះ",
        "ប៉ូលីស",
        "កិច្ចសហប្រតិបត្តិការ",
        "ការបណ្តុះបណ្តាល",
        "សាលារៀន",
        "ការបង្ការ",
        "គ្រួសារ",
    ],
}
# (label, query): common and rare words, a phrase, a prefix, scripts without spaces, Vietnamese
# without diacritics, several words, and browsing without a query.
QUERIES = [
    ("en common word", "protection"),
    ("en rare word", "xylophone"),
    ("en two words", "digital forensic"),
    ("en phrase", '"digital forensic"'),
    ("en prefix", "investig*"),
    ("vi without diacritics", "dieu tra"),
    ("th word", "สืบสวน"),
    ("km word", "ស៊ើបអង្កេត"),
    ("empty (browse)", ""),
]
MARKINGS = ["CLEAR", "GREEN", "GREEN", "GREEN", "AMBER", "AMBER_STRICT", "RED"]
BATCH = 2000


def _paragraph(rng: random.Random, lang: str, words: int) -> str:
    vocab = WORDS[lang]
    glue = "" if lang in ("th", "km") else " "
    return glue.join(rng.choice(vocab) for _ in range(words))


def build(n: int, *, seed: int = 6) -> dict:
    """Bulk-insert n resources (with search documents) owned by a handful of organisations."""
    from django.db import transaction

    from protectnet.library.models import Resource, SearchChunk, SearchDocument
    from protectnet.library.search.index import chunks
    from protectnet.network.models import Country, Organisation

    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    country, _ = Country.objects.get_or_create(code="KH")
    orgs = [
        Organisation.objects.get_or_create(
            name=f"Bench organisation {i}", country=country, defaults={"sector": "ngo"}
        )[0]
        for i in range(20)
    ]
    started = time.perf_counter()
    existing = Resource.objects.count()
    for start in range(existing, n, BATCH):
        size = min(BATCH, n - start)
        resources, texts = [], []
        for i in range(size):
            lang = rng.choice(["en", "en", "vi", "th", "km"])
            title = _paragraph(rng, lang, 6)
            body = "\n".join(_paragraph(rng, lang, rng.randint(60, 160)) for _ in range(2))
            if rng.random() < 0.001:
                body += " xylophone"
            marking = rng.choice(MARKINGS)
            resources.append(
                Resource(
                    title=title[:300],
                    summary=body[:400],
                    resource_type=rng.choice(["guide", "report", "policy", "case_study"]),
                    owner_organisation=orgs[(start + i) % len(orgs)],
                    marking=marking,
                    listed_when_restricted=marking == "AMBER" and rng.random() < 0.3,
                )
            )
            texts.append((title, body))
        with transaction.atomic():
            Resource.objects.bulk_create(resources)
            pairs = list(zip(resources, texts, strict=True))
            SearchDocument.objects.bulk_create(
                SearchDocument(resource=r, text=body) for r, (_, body) in pairs
            )
            SearchChunk.objects.bulk_create(
                row for r, (t, body) in pairs for row in chunks(r.pk, t, body)
            )
    seconds = time.perf_counter() - started
    built = n - existing
    return {
        "resources": n,
        "build_seconds": round(seconds, 1),
        # Documents cut, stemmed and written to the index per second (the index build rate).
        "indexed_per_second": round(built / seconds) if built > 0 and seconds else None,
    }


def _bench_users(orgs_hint: str = "Bench organisation 0"):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    from protectnet.network.models import Membership, Organisation, Person

    user, created = get_user_model().objects.get_or_create(email="bench.member@example.test")
    if created:
        person = Person.objects.create(full_name="Bench Member", user=user)
        Membership.objects.create(
            person=person, organisation=Organisation.objects.get(name=orgs_hint)
        )
    return {"member": user, "anonymous": AnonymousUser()}


def _ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _spread(times: list[float]) -> dict:
    times = sorted(times)
    return {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
    }


def measure(*, runs: int = 15, report=None) -> list[dict]:
    """Each query as the search page asks it, and each time as if for the first time (the
    cache emptied): the hits with a count capped at 1,000, then, when more matched, the exact
    total and the filters, which the page asks for in a second request once the hits show."""
    from django.core.cache import cache

    from protectnet.access.principal import forget
    from protectnet.library.search import Facets, SearchFilters, facet_counts, search

    figures = []
    for role, user in _bench_users().items():
        for label, query in QUERIES:
            hits, filters, total = [], [], 0
            for _ in range(runs):
                cache.clear()
                forget(user)
                start = time.perf_counter()
                result = search(user, query, facets=Facets.LATER)
                hits.append(_ms_since(start))
                total = result.total
                if result.facets_pending:
                    start = time.perf_counter()
                    total, _ = facet_counts(user, query, SearchFilters())
                    filters.append(_ms_since(start))
            figure = {"role": role, "query": label, "matches": total, **_spread(hits)}
            if filters:
                spread = _spread(filters)
                figure["filters_median_ms"] = spread["median_ms"]
                figure["filters_p95_ms"] = spread["p95_ms"]
            figures.append(figure)
            if report:
                report(figures[-1])
    return figures


def run(n: int = 100_000, *, runs: int = 15, report=None) -> dict:
    from django.db import connection

    built = build(n)
    # Statistics, as autovacuum would leave them: without them PostgreSQL plans for an empty
    # library and reads every resource the reader may see.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"database": connection.vendor, **built, "searches": measure(runs=runs, report=report)}


def _line(f: dict) -> str:
    rest = f"{f.get('filters_median_ms', '-'):>15} {f.get('filters_p95_ms', '-'):>7}"
    return (
        f"{f['role']:<10} {f['query']:<24} {f['matches']:>8} {f['median_ms']:>12}"
        f" {f['p95_ms']:>7} {rest}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m protectnet.demo.bench.library")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("Set DATABASE_URL to a benchmark database (never the development one).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protectnet.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    result = run(args.n, runs=args.runs)
    print(
        f"{result['database']}: {result['resources']} resources, built in "
        f"{result['build_seconds']} s ({result['indexed_per_second']} documents indexed per second,"
        f" load {os.getloadavg()[0]:.1f})"
    )
    print("hits: the page as first shown; filters: the exact total and filters asked for next")
    print(
        f"{'role':<10} {'query':<24} {'matches':>8} {'hits median':>12} {'p95':>7}"
        f" {'filters median':>15} {'p95':>7}"
    )
    for f in result["searches"]:
        print(_line(f))


if __name__ == "__main__":
    main()
