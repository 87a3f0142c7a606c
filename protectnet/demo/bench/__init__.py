"""Benchmarks of single services (not timed tests); each refuses the development database."""


def guard() -> None:
    from django.conf import settings

    name = str(settings.DATABASES["default"]["NAME"])
    if name.endswith("protectnet.sqlite3"):
        raise SystemExit("Refusing to benchmark the development database: set DATABASE_URL.")
