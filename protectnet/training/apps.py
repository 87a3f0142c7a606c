from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "protectnet.training"
    label = "training"

    def ready(self):
        from protectnet.core import versions
        from protectnet.network.models import Organisation

        from .capacity import VERSION
        from .models import Course, Delivery, Enrolment, FollowUp, TestSubmission

        # Everything the capacity report counts or labels.
        versions.watch(
            VERSION,
            *(Course, Delivery, Delivery.trainers.through, Enrolment, FollowUp, TestSubmission),
            Organisation,
        )
        from .dashboard import DASHBOARD_VERSION, WATCHED

        # The dashboard's needs and chart of each reader.
        versions.watch(DASHBOARD_VERSION, *WATCHED)
