"""Every write of the directory: `from protectnet.network import services`."""

from protectnet.access.policy import can, require

from .common import PersonInput
from .erasure import person_data_export, person_data_pdf, person_erase
from .exports import directory_export, personal_data_download, personal_data_pdf
from .merge import filled_fields as merge_filled_fields
from .merge import merge_conflicts, person_merge
from .organisations import OrganisationInput, organisation_create, organisation_update
from .panels import (
    MeetingInput,
    meeting_save,
    panel_create,
    panel_member_add,
    panel_member_remove,
    panel_update,
)
from .people import membership_add, membership_end, person_create, person_update
from .vetting import focal_point_add, focal_point_remove, vetting_record

__all__ = [
    "MeetingInput",
    "OrganisationInput",
    "PersonInput",
    "can",
    "directory_export",
    "focal_point_add",
    "focal_point_remove",
    "meeting_save",
    "membership_add",
    "membership_end",
    "merge_conflicts",
    "merge_filled_fields",
    "organisation_create",
    "organisation_update",
    "panel_create",
    "panel_member_add",
    "panel_member_remove",
    "panel_update",
    "person_create",
    "person_data_export",
    "person_data_pdf",
    "person_erase",
    "person_merge",
    "person_update",
    "personal_data_download",
    "personal_data_pdf",
    "require",
    "vetting_record",
]
