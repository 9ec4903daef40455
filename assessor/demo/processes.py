"""The demo processes, described from the source documents, and the one described anew after
its first scorecard was published."""

from datetime import date

DEMO_PROCESSES = (
    {
        "name": "Fourth World Telecommunication/ICT Policy Forum (WTPF-13)",
        "convening_organization": "International Telecommunication Union (ITU)",
        "description": "A forum for ITU Member States and Sector Members to exchange views on "
        "Internet-related public policy matters; it adopted six non-binding Opinions, including "
        "Opinion 5 on supporting multi-stakeholderism in Internet governance.",
        "public_url": None,
        "scope": "global",
        "layer": "of_the_internet",
        "starts_on": date(2013, 5, 14),
        "ends_on": date(2013, 5, 16),
    },
    {
        "name": (
            "Informal consultations on international Internet-related public policy issues:"
            " World Café"
        ),
        "convening_organization": "ITU Secretary-General",
        "description": "An in-person World Café at ITU headquarters in Geneva that assembled "
        "about 50 representatives of different stakeholders, ITU members and non-members, on "
        "international Internet-related public policy; reported to the Council Working Group "
        "on Internet.",
        "public_url": None,
        "scope": "global",
        "layer": "on_the_internet",
        "starts_on": date(2013, 10, 8),
        "ends_on": date(2013, 10, 8),
    },
    {
        "name": (
            "Informal consultations on international Internet-related public policy issues:"
            " IGF Town Hall"
        ),
        "convening_organization": "ITU Secretary-General",
        "description": "A town hall meeting held during the Internet Governance Forum 2013 in Bali "
        "as part of the same informal consultations.",
        "public_url": None,
        "scope": "global",
        "layer": "on_the_internet",
        "starts_on": date(2013, 10, 25),
        "ends_on": date(2013, 10, 25),
    },
    {
        "name": (
            "Informal consultations on international Internet-related public policy issues:"
            " online crowdsourcing"
        ),
        "convening_organization": "ITU Secretary-General",
        "description": "An online platform, open from 15 October 2013, where anyone could "
        "contribute ideas anonymously; contributions were published at once and open to comments.",
        "public_url": "http://ideas.itu.int/",
        "scope": "global",
        "layer": "on_the_internet",
        "starts_on": date(2013, 10, 15),
        "ends_on": None,
    },
    {
        "name": (
            "IGF 2013 Workshop #41: Developing and effectively using Multistakeholder Principles"
        ),
        "convening_organization": "APC, Government of Brazil, ICC BASIS and ISOC",
        "description": "A roundtable at the Internet Governance Forum 2013 in Bali building on "
        "the multistakeholder principles discussed at the WSIS+10 review event in Paris, "
        "February 2013.",
        "public_url": None,
        "scope": "global",
        "layer": "of_the_internet",
        "starts_on": date(2013, 10, 24),
        "ends_on": date(2013, 10, 24),
    },
    {
        "name": "Illustrative example: national consultation on an Internet policy bill",
        "convening_organization": "An invented ministry (illustrative)",
        "description": "Illustrative, not a real process: an invented national consultation, "
        "open to all while its agenda was set and the bill drafted, then decided by a closed "
        "ministerial committee. It shows how the scorecard's stage matrix flags a process that "
        "narrows at decision-making.",
        "public_url": "https://consultation.example.org/",
        "scope": "national",
        "layer": "on_the_internet",
        "starts_on": date(2026, 3, 2),
        "ends_on": date(2026, 9, 30),
    },
)

WTPF, WORLD_CAFE, TOWN_HALL, CROWDSOURCING, WORKSHOP, ILLUSTRATIVE = (
    p["name"] for p in DEMO_PROCESSES
)

# The process whose first scorecard was published before its record changed: the scorecard
# keeps the name it was published with, and says that the record has changed since.
DEMO_ASSESSED_PROCESS = WORKSHOP
DEMO_REDESCRIBED = {
    "name": "IGF 2013 Workshop #41: Multistakeholder Principles",
    "public_url": "https://www.intgovforum.org/",
}
