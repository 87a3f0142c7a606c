from urllib.parse import urlencode

from django.core.exceptions import ValidationError

from .. import staging, uploads

STAGED_FIELD = "staged_files"


def querystring_without(params, *names: str) -> str:
    pairs = [(k, v) for k in params for v in params.getlist(k) if k not in names and v]
    return urlencode(pairs)


def attach_uploads(request, form) -> list:
    """Keep this POST's files that pass the checks, with those kept from earlier submissions.

    A browser never sends a file twice: when the form comes back (terminology notes, an error
    elsewhere), the files it had are listed as attached and their ids return with the next POST.
    Refused files become errors on the files field.
    """
    kept = staging.staged_for(user=request.user, ids=request.POST.getlist(STAGED_FIELD))
    for upload in request.FILES.getlist("files"):
        try:
            checked = uploads.check_upload(upload)
        except ValidationError as exc:
            form.add_error("files", exc.messages)
            continue
        # Choosing an attached file again must not attach it twice.
        if checked.sha256 not in {item.sha256 for item in kept}:
            kept.append(staging.stage(user=request.user, checked=checked))
    return kept
