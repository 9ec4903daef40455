"""The demo accounts: one per role, assessors from three more stakeholder groups so that a
process can be seen from several perspectives, and a representative of a demo process."""

DEMO_PASSWORD = "demo-password"

ADMIN = "admin@example.org"
ASSESSOR = "assessor@example.org"
REVIEWER = "reviewer@example.org"
GOVERNMENT_ASSESSOR = "government@example.org"
TECHNICAL_ASSESSOR = "technical@example.org"
PRIVATE_SECTOR_ASSESSOR = "private-sector@example.org"
REPRESENTATIVE = "representative@example.org"

# Each with what signing in as it shows, which ``flask demo seed`` prints.
DEMO_ACCOUNTS = (
    {
        "email": ADMIN,
        "roles": ["admin"],
        "display_name": "Demo Admin",
        "stakeholder_group": None,
        "shows": "admin: users, representatives, a withdrawal, the audit trail",
    },
    {
        "email": ASSESSOR,
        "roles": ["assessor"],
        "display_name": "Demo Assessor",
        "stakeholder_group": "civil_society",
        "shows": "assessor: a draft of the IGF Town Hall in progress, a revised scorecard",
    },
    {
        "email": REVIEWER,
        "roles": ["reviewer"],
        "display_name": "Demo Reviewer",
        "stakeholder_group": "academia",
        "shows": "reviewer: an assessment of the IGF Town Hall waiting for review",
    },
    {
        "email": GOVERNMENT_ASSESSOR,
        "roles": ["assessor"],
        "display_name": "Demo Government Assessor",
        "stakeholder_group": "government",
        "shows": "assessor, government",
    },
    {
        "email": TECHNICAL_ASSESSOR,
        "roles": ["assessor"],
        "display_name": "Demo Technical Community Assessor",
        "stakeholder_group": "technical_community",
        "shows": "assessor, technical community",
    },
    {
        "email": PRIVATE_SECTOR_ASSESSOR,
        "roles": ["assessor"],
        "display_name": "Demo Private Sector Assessor",
        "stakeholder_group": "private_sector",
        "shows": "assessor, private sector",
    },
    {
        "email": REPRESENTATIVE,
        "roles": [],
        "display_name": "Demo Representative of WTPF-13",
        "stakeholder_group": "intergovernmental",
        "shows": "no role: represents WTPF-13, so may reply to its scorecards",
    },
)
