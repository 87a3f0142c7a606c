"""The alerts' ciphertext columns, for `manage.py rotate_keys` (protectnet.core.rotation).

The alerts encrypt explicitly (crypto.encrypt_*), so their columns are declared here rather than
found by field class.
"""

from .models import Alert, AlertAttachment, AlertReply

TOKEN_COLUMNS = {
    Alert: ("subject_ciphertext", "summary_ciphertext"),
    AlertReply: ("body_ciphertext",),
    AlertAttachment: ("name_ciphertext", "content_ciphertext"),
}
