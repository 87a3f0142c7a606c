"""Personal data in the audit log can be exported and erased without breaking verification;
an erasure done behind the log's back is detected."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from protectnet.access import audit, personal_data
from protectnet.access.models import AuditEntry


@pytest.fixture
def history(world):
    person = world.kh_member.person
    audit.record("auth.sign_in", actor=world.kh_member)
    audit.record("network.person.update", actor=world.admin, obj=person)
    audit.record("test.other", actor=world.th_member, obj=world.th_member)
    return person


def test_export_lists_entries_by_the_account_and_about_the_person(world, history):
    exported = personal_data.export(person=history, user=world.kh_member)
    actions = [e["action"] for e in exported["entries"]]
    assert actions == ["auth.sign_in", "network.person.update"]
    assert exported["entries"][0]["actor"] == world.kh_member.email
    assert exported["entries"][1]["object"] == str(history)
    assert exported["entries"][1]["actor"] == "someone else"  # the admin's address is not theirs
    assert world.admin.email not in str(exported)


def test_erasure_blanks_the_fields_and_the_log_still_verifies(world, history, capsys):
    with transaction.atomic():
        personal_data.erase(person=history, user=world.kh_member, actor=world.admin)
    erased = AuditEntry.objects.filter(erased=True).order_by("id")
    assert [e.action for e in erased] == ["auth.sign_in", "network.person.update"]
    for entry in erased:
        assert (entry.actor_label, entry.ip, entry.object_repr) == ("", None, "")
    note = AuditEntry.objects.get(action=audit.ERASURE_ACTION)
    assert note.data["entries"] == [e.pk for e in erased] and note.actor == world.admin
    assert str(history) not in note.object_repr
    kept = AuditEntry.objects.get(action="test.other")
    assert kept.actor_label == world.th_member.email and not kept.erased
    call_command("verify_audit")
    assert "Audit log intact" in capsys.readouterr().out
    exported = personal_data.export(person=history, user=world.kh_member)
    assert all(e["erased"] for e in exported["entries"] if e["action"] != audit.ERASURE_ACTION)
    assert world.kh_member.email not in str(exported)


def test_blanking_fields_without_an_erasure_entry_is_detected(world, history):
    entry = AuditEntry.objects.get(action="auth.sign_in")
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET actor_label = '' WHERE id = %s", [entry.pk])  # noqa: S608
        cursor.execute(
            f"UPDATE {table} SET actor_label = '', object_repr = '', erased = %s WHERE id = %s",  # noqa: S608
            [True, AuditEntry.objects.get(action="test.other").pk],
        )
    problems = audit.verify().problems
    assert [p.seq for p in problems] == [1, 3]
    assert "altered" in problems[0].reason and "erased" in problems[1].reason
    with pytest.raises(CommandError, match="entry #1"):
        call_command("verify_audit")


def test_the_module_declares_what_it_does_with_each_model():
    assert personal_data.LABEL == "audit"
    assert set(personal_data.MODELS) == {"access.auditentry"}
    assert set(personal_data.EXEMPT) == {"access.rolegrant", "access.audithead"}
