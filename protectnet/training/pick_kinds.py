"""Training's picker kind: the trainers a delivery form may choose (core/picker.py). Only those
who schedule deliveries search it, and it offers exactly the form's choices: people the reader
may see who hold the trainer role."""

from protectnet.access.policy import can
from protectnet.core.picker import Option
from protectnet.network.selectors import people_matching

from .selectors import trainer_choices


def trainer(*, user, q: str, params, limit: int) -> list[Option]:
    if not can(user, "training.delivery.create"):
        return []
    found = people_matching(trainer_choices(user=user), q)[: limit + 1]
    return [Option(value=str(p.pk), label=p.label, hint=p.job_title) for p in found]


KINDS = {"trainer": trainer}
