# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The coverage rules: their choices, shared by the warranty type (defaults)
and the contract (overrides)."""

LABOUR_COVERAGE = [
    ("covered", "Covered"),
    ("not_covered", "Not covered"),
    ("hours", "Covered up to N hours a year"),
]
PARTS_COVERAGE = [
    ("covered", "Covered"),
    ("not_covered", "Not covered"),
    ("except_categories", "Covered except listed categories"),
    ("percent", "Covered at a percentage"),
]
TRAVEL_COVERAGE = [
    ("covered", "Covered"),
    ("flat", "Flat fee per sector"),
    ("km", "Billed per km"),
]
AFTER_HOURS_COVERAGE = [
    ("covered", "Covered"),
    ("surcharge", "Billable with a surcharge"),
]

# the coverage fields, in the order of the forms
COVERAGE_FIELDS = (
    "labour_coverage",
    "labour_hours_per_year",
    "parts_coverage",
    "parts_excluded_categ_ids",
    "parts_covered_percent",
    "travel_coverage",
    "after_hours_coverage",
    "after_hours_surcharge",
)
