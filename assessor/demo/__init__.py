"""Demo data for newcomers (``flask demo seed``): accounts for every role, processes drawn from
the source documents in their own words, and assessments that show every capability, each
answer marked as illustrative ("Demo answer.", "Demo evidence.")."""

from assessor.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from assessor.demo.processes import DEMO_ASSESSED_PROCESS, DEMO_REDESCRIBED
from assessor.demo.seeding import compared_ids, seed_demo

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_ASSESSED_PROCESS",
    "DEMO_PASSWORD",
    "DEMO_REDESCRIBED",
    "compared_ids",
    "seed_demo",
]
