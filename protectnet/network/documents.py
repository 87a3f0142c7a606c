"""Personal-data PDFs made by a worker (core.documents): a person's own, and anyone's for an admin
the policy allows. A whole history of audit entries takes minutes to lay out, too long for a
request. They are private: only the requester gets one, and it goes once downloaded."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from protectnet.access.policy import require
from protectnet.core.documents import Job, Kind

from .data_subject import personal_data_export, personal_data_get, readable_sections
from .selectors import person_for_change

MY_DATA = "network.my_data"
PERSON_DATA = "network.person_data"
# Records (audit entries, registrations...) per WeasyPrint run: progress moves every part.
RECORDS_PER_PART = 100


def _own(user, key):
    require(user, "network.personal_data.view")
    if key != str(user.pk):  # the key is the account: nobody asks for another's own data
        raise Http404
    return user


def _person(user, key):
    return person_for_change(user=user, pk=int(key), action="network.person.export_data")


def in_parts(sections: list[dict], size: int) -> list[list[dict]]:
    """The sections cut so that no part holds more than `size` records; a section that goes on
    in the next part keeps its title there (each part starts a page)."""
    parts: list[list[dict]] = []
    part: list[dict] = []
    used = 0
    for section in sections:
        if used >= size:
            parts.append(part)
            part, used = [], 0
        piece = {**section, "tables": []}
        part.append(piece)
        for table in section["tables"]:
            records = table["records"]
            while records:
                if used >= size:
                    parts.append(part)
                    piece = {**section, "facts": [], "tables": []}
                    part, used = [piece], 0
                taken = records[: size - used]
                piece["tables"].append({**table, "records": taken})
                records, used = records[len(taken) :], used + len(taken)
    parts.append(part)
    return parts


def _job(data: dict, stem: str) -> Job:
    pieces = in_parts(readable_sections(data), RECORDS_PER_PART)
    return Job(
        template="network/pdf/personal_data.html",
        context={},
        filename=f"{stem}-{timezone.localdate().isoformat()}.pdf",
        title=_("Personal data"),
        parts=[{"sections": p, "first": i == 0} for i, p in enumerate(pieces)],
    )


def my_data_job(user, _own_user) -> Job:
    return _job(personal_data_get(user=user), "protectnet-my-data")


def person_data_job(user, person) -> Job:
    data = personal_data_export(person=person, user=person.user)
    return _job(data, f"protectnet-person-{person.pk}-data")


KINDS = {
    MY_DATA: Kind(check=_own, job=my_data_job, private=True),
    PERSON_DATA: Kind(check=_person, job=person_data_job, private=True),
}
