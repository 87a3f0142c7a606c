"""Reports' rules: the reports hub and the network overview are for network members."""

from protectnet.access.rule import MEMBERS, Rule

RULES: dict[str, Rule] = {
    "reports.view": Rule(MEMBERS, description="The reports hub and the network overview"),
}
