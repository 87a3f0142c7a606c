from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Email + password, case-insensitive; a locked account cannot sign in."""

    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and not user.is_locked()
