from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "protectnet.library"
    label = "library"

    def ready(self) -> None:
        # The library's cached counts (dashboard cards): a resource added, withdrawn, shared,
        # or opened to named people makes the next read count again.
        from protectnet.core import versions

        from .models import AccessRequest, Resource
        from .selectors import VERSION

        shared, named = Resource.shared_with.through, Resource.named_people.through
        versions.watch(VERSION, Resource, shared, named, AccessRequest)
