"""Create an API token for an account from the command line; prints the raw value once."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from protectnet.accounts.models import User
from protectnet.accounts.services import token_create


class Command(BaseCommand):
    help = "Create a personal API token for EMAIL and print it (it is stored only as a hash)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="command line", help="What the token is for.")

    def handle(self, *args, email: str, name: str, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None or not user.is_active:
            raise CommandError(f"No active account with the email address {email!r}.")
        try:
            token, raw = token_create(actor=user, name=name, via="command")
        except (ValidationError, PermissionDenied, Http404) as exc:
            raise CommandError(f"Could not create the token: {exc}") from exc
        self.stderr.write(f"Token {token.name!r} created for {user.email}; it is shown only once:")
        self.stdout.write(raw)
