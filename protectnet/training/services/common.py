"""What the training services share."""

from protectnet.access import audit


def record(action: str, *, actor, obj, request=None, data: dict | None = None) -> None:
    """Audit by id only: entries about a trainee never carry the trainee's name, so that erasing
    the person from the directory leaves no name behind in the log."""
    label = f"{obj._meta.model_name} #{obj.pk}"
    audit.record(action, actor=actor, obj=obj, request=request, data=data or {}, object_repr=label)
