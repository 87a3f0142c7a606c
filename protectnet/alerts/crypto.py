"""The alerts' encryption helpers live in protectnet.core.crypto; this name stays for them."""

from protectnet.core.crypto import *  # noqa: F403
