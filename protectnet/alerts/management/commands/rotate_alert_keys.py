from protectnet.core.management.commands.rotate_keys import Command as RotateKeys


class Command(RotateKeys):
    help = "Old name of `manage.py rotate_keys` (which re-encrypts alerts and every other field)."
