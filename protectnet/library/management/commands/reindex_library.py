import time

from django.core.management.base import BaseCommand

from protectnet.library.models import Resource
from protectnet.library.search.index import refresh_resource


class Command(BaseCommand):
    help = (
        "Index every library resource again through the text pipeline: after an upgrade that "
        "changes how words are cut, folded or stemmed (the release notes say so)."
    )

    def handle(self, *args, **options):
        started, done = time.perf_counter(), 0
        for pk in Resource.objects.order_by("pk").values_list("pk", flat=True).iterator():
            refresh_resource(pk)
            done += 1
        seconds = time.perf_counter() - started
        rate = done / seconds if seconds else 0
        self.stdout.write(f"indexed {done} resources in {seconds:.1f} s ({rate:.0f} per second)")
