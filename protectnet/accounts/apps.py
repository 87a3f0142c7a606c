from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "protectnet.accounts"
    label = "accounts"
