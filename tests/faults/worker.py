"""A command run as a separate process by the fault tests, so that it can be killed mid-way.

    python -m tests.faults.worker import <batch id> <user id> [--pause-after SQL [--nth N]]
    python -m tests.faults.worker register <invitation id>... [--pause-after SQL [--nth N]]

With --pause-after, the process prints PAUSED and sleeps as soon as the N-th statement
containing SQL has run, inside whatever transaction is open: the test then kills it there,
which is exactly where a crash would hurt most.
"""

import argparse
import os
import sys
import time

PAUSED = "PAUSED"


def pause_after(fragment: str, nth: int):
    state = {"seen": 0}

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if fragment.lower() in sql.lower():
            state["seen"] += 1
            if state["seen"] == nth:
                print(PAUSED, flush=True)
                time.sleep(600)
        return result

    return wrapper


def run_import(batch_id: int, user_id: int) -> None:
    from protectnet.accounts.models import User
    from protectnet.network import importer
    from protectnet.network.models import ImportBatch

    counts = importer.import_commit(
        actor=User.objects.get(pk=user_id), batch=ImportBatch.objects.get(pk=batch_id)
    )
    print("IMPORTED", counts["created"], flush=True)


def run_registrations(invitation_ids: list[int]) -> None:
    from protectnet.workshops.models import Invitation
    from protectnet.workshops.services.registrations import (
        RegistrationInput,
        acting_for,
        registration_submit,
    )

    invitations = Invitation.objects.filter(pk__in=invitation_ids).select_related(
        "workshop", "person", "delegation"
    )
    for invitation in invitations.order_by("pk"):  # in the order given, which tests rely on
        registration_submit(
            actor=acting_for(None, invitation),
            invitation=invitation,
            data=RegistrationInput(consent_participant_list=True),
        )
    print("REGISTERED", len(invitation_ids), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.faults.worker")
    parser.add_argument("job", choices=["import", "register"])
    parser.add_argument("ids", type=int, nargs="+")
    parser.add_argument("--pause-after", default="")
    parser.add_argument("--nth", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protectnet.settings")
    import django

    django.setup()
    from django.db import connection

    if args.pause_after:
        connection.execute_wrappers.append(pause_after(args.pause_after, args.nth))
    if args.job == "import":
        run_import(*args.ids)
    else:
        run_registrations(args.ids)
    sys.exit(0)


if __name__ == "__main__":
    main()
