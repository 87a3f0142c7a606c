"""Check the audit log's hash chain; exit non-zero and name the first bad entry."""

from django.core.management.base import BaseCommand, CommandError

from protectnet.access.audit import verify_chain
from protectnet.access.models import AuditHead


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log (altered or removed entries are reported)."

    def handle(self, *args, **options):
        problem = verify_chain()
        if problem is not None:
            raise CommandError(
                f"Audit log broken at entry #{problem.seq}: {problem.reason}.", returncode=1
            )
        head = AuditHead.objects.filter(id=1).first()
        count = head.seq if head else 0
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {count} entries verified."))
