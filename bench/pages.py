"""The pages and API endpoints the bench measures, with the roles that open them."""

from dataclasses import dataclass, field

ALL_SIGNED_IN = ("admin", "focal_point", "member", "le_vetted", "guest")
MEMBERS = ("admin", "focal_point", "member", "le_vetted")


@dataclass(frozen=True)
class Page:
    name: str
    url: object  # a string, or a function of the bench context returning one
    roles: tuple = MEMBERS
    api: bool = False
    needs: tuple = field(default_factory=tuple)  # context keys that must exist

    def resolve(self, ctx: dict) -> str | None:
        if any(key not in ctx for key in self.needs):
            return None
        return self.url(ctx) if callable(self.url) else self.url


PAGES = [
    Page("dashboard", "/", ALL_SIGNED_IN),
    Page("api me", "/api/v1/me", ALL_SIGNED_IN, api=True),
]
