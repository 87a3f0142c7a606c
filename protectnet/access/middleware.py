from .guard import RouteGuardMiddleware

__all__ = ["RouteGuardMiddleware"]
