from .navigation import nav_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"nav_items": lambda: nav_for(user, request.path)}
