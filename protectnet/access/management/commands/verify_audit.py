"""Check the audit log; list every altered, missing or wrongly erased entry, exit 1 if any."""

import re

from django.core.management.base import BaseCommand, CommandError

from protectnet.access.audit import verify

HEAD = re.compile(r"^(\d+):([0-9a-f]{64})$")


def _head(value: str) -> tuple[int, str]:
    match = HEAD.match(value.strip().lower())
    if not match:
        raise CommandError("--expect-head takes SEQ:HASH, e.g. 1200:3f5a… (64 hex digits).")
    return int(match[1]), match[2]


class Command(BaseCommand):
    help = (
        "Verify the audit log: the keyed hash chain, erasures, the heads file outside the "
        "database and optionally a head kept elsewhere. Seals pending entries first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-seal", action="store_true", help="only report unsealed entries")
        parser.add_argument(
            "--expect-head", metavar="SEQ:HASH", help="a sealed head kept outside (audit page)"
        )

    def handle(self, *args, **options):
        expected = _head(options["expect_head"]) if options["expect_head"] else None
        report = verify(seal_first=not options["no_seal"], expect_head=expected)
        if report.unsealed:
            self.stdout.write(
                f"{report.unsealed} entries not yet sealed (committed since the last seal, "
                "or another process is sealing them)."
            )
        if report.problems:
            for problem in report.problems:
                self.stderr.write(f"entry #{problem.seq}: {problem.reason}")
            first = report.problems[0]
            listed = "; ".join(f"entry #{p.seq}: {p.reason}" for p in report.problems)
            raise CommandError(
                f"Audit log broken at entry #{first.seq}: {first.reason}. "
                f"{len(report.problems)} problem(s): {listed}",
                returncode=1,
            )
        seq, digest = report.head
        self.stdout.write(
            self.style.SUCCESS(f"Audit log intact: {report.verified} entries verified.")
        )
        self.stdout.write(f"Sealed head: {seq}:{digest}")
