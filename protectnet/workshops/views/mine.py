"""My workshops: the signed-in person's invitations and registrations, with what each offers,
and what other apps hold of theirs (training certificates), so the page is their one place."""

from django.shortcuts import render

from protectnet.access.routes import requires
from protectnet.core.mine import my_sections

from ..selectors.participation import my_workshop_list as my_workshops
from ..services.feedback import feedback_window_open


@requires("workshops.workshop.list")
def my_workshop_list(request):
    rows = [
        {
            "invitation": invitation,
            "workshop": invitation.workshop,
            "registration": getattr(invitation, "registration", None),
            "feedback_open": feedback_window_open(invitation.workshop),
        }
        for invitation in my_workshops(user=request.user)
    ]
    context = {"rows": rows, "sections": my_sections(request.user)}
    return render(request, "workshops/my_workshops.html", context)
