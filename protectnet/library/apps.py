from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "protectnet.library"
    label = "library"
