"""Write the country-name catalogues (protectnet/locale_countries) from ICU's CLDR data.

Run it after upgrading django-countries or ICU and commit the result; `make install` compiles
the catalogues with the project's own. See protectnet/core/country_names.py.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from protectnet.core import country_names


class Command(BaseCommand):
    help = (
        "Write a gettext catalogue of CLDR country names for each language django-countries lacks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=country_names.DIRECTORY,
            help="Directory to write <locale>/LC_MESSAGES/django.po into (default: the project's).",
        )

    def handle(self, *args, output: Path, **options):
        for path in country_names.write_catalogues(output):
            self.stdout.write(str(path.relative_to(output)))
        self.stdout.write(
            f"CLDR {country_names.cldr_version()} via ICU {country_names.icu.ICU_VERSION}"
        )
