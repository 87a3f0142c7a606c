class BackupError(RuntimeError):
    """A backup cannot be made or restored; the message says why and what was left untouched."""
