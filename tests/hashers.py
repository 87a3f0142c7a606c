from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with test-sized costs: the same algorithm and format, a fraction of the time.

    Production keeps Django's costs; the suite hashes hundreds of passwords.
    """

    time_cost = 1
    memory_cost = 1024
    parallelism = 1
