from django import template

from protectnet.access.policy import can

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, action: str) -> bool:
    """Whether the current user passes the policy's role gate for an action (links only)."""
    request = context.get("request")
    return bool(request) and can(request.user, action)
