from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "protectnet.training"
    label = "training"
