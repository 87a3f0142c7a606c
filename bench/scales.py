from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    countries: int
    organisations: int
    people: int
    workshops: int
    registrations: int
    deliveries: int
    enrolments: int
    resources: int
    alerts: int


SCALES = {
    # tiny: a quick check that the bench still runs end to end.
    "tiny": Scale("tiny", 3, 20, 200, 1, 100, 20, 100, 100, 20),
    "small": Scale("small", 10, 200, 2_000, 10, 3_000, 200, 10_000, 1_000, 200),
    "medium": Scale("medium", 30, 2_000, 20_000, 100, 30_000, 2_000, 100_000, 10_000, 2_000),
    "large": Scale(
        "large", 50, 20_000, 200_000, 1_000, 300_000, 20_000, 1_000_000, 100_000, 20_000
    ),
}
