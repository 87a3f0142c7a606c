from django.apps import AppConfig

LINKS = ("shared_with", "named_people", "topics", "languages", "countries")


class LibraryConfig(AppConfig):
    name = "protectnet.library"
    label = "library"

    def ready(self) -> None:
        # The library's cached counts (dashboard cards, search totals and facets): a resource
        # added, changed, indexed, withdrawn, shared or opened to named people, an agency
        # renamed, or a topic or language renamed or translated (the facets' names), makes the
        # next read count again.
        from protectnet.core import versions
        from protectnet.network.models import Organisation

        from .models import AccessRequest, Language, Resource, SearchDocument, Topic
        from .search.service import VERSION

        links = [Resource._meta.get_field(name).remote_field.through for name in LINKS]
        versions.watch(
            VERSION, Resource, *links, SearchDocument, AccessRequest, Organisation, Topic, Language
        )
