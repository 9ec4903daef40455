"""IGF 2013 Workshop #41 in Bali, as its report describes it, read from four stakeholder
perspectives: answers shared by all, then what each perspective reads differently, and the
civil-society assessor's first version, which a revision corrects."""

from assessor.demo.evidence import NOT_APPLICABLE, NOT_KNOWN, WORKSHOP_REPORT, answer

ANSWERS = {
    "openness.open_participation": answer(
        3,
        "A roundtable of the IGF programme whose agenda ends with an interactive discussion "
        "with the audience; the report counts 77 participants (report, agenda and statistics).",
        WORKSHOP_REPORT.at("the agenda and the participation statistics"),
    ),
    "openness.ability_to_contribute": answer(
        3,
        "The agenda gives the audience an interactive discussion after the panel, the report "
        "summarises comments from the room, and a transcript is published.",
        WORKSHOP_REPORT.at("the agenda, the summary and the transcript"),
    ),
    "openness.remote_participation": answer(
        3,
        "A remote moderator, Constance Weise of ICC BASIS, was appointed for the session "
        "(report); the report does not say how many remote interventions were taken.",
        WORKSHOP_REPORT.at("the remote moderator"),
    ),
    "openness.participation_support": answer(
        NOT_KNOWN, "The report says nothing about support for attending."
    ),
    "openness.capacity_building": answer(
        2,
        "The workshop itself meant to promote awareness of multistakeholder principles and "
        "share ideas on using them (report, summary); no material for newcomers is mentioned.",
        WORKSHOP_REPORT.at("the summary"),
    ),
    "openness.accessible_participation": answer(
        1,
        "A remote moderator was named, which serves those who could not travel; the report "
        "mentions no measure for young people or persons with disabilities.",
        WORKSHOP_REPORT.at("the remote moderator"),
    ),
    "equal_footing.equal_standing": answer(
        3,
        "Panellists from civil society, the private sector, the technical community and "
        "governments sat at one roundtable, and the audience joined the discussion (report, "
        "description and agenda).",
        WORKSHOP_REPORT.at("the description and the agenda"),
    ),
    "equal_footing.advisory_group_formation": answer(
        NOT_APPLICABLE,
        "A single roundtable run by its four organizers; the report names no advisory or "
        "steering group.",
    ),
    "equal_footing.geographic_balance": answer(
        2,
        "The panellists 'represent geographical diverse' groups (report, description), yet the "
        "report counts 45 participants from developed countries, 20 from developing countries "
        "and 5 from least developed countries.",
        WORKSHOP_REPORT.at("the description and the participation statistics"),
    ),
    "equal_footing.participation_statistics": answer(
        2,
        "The report gives figures by gender, youth and development status (38 women, 39 men, 5 "
        "young, 20 from developing and 45 from developed countries, 5 from least developed "
        "countries, 77 in all), but none by stakeholder group.",
        WORKSHOP_REPORT.at("the participation statistics"),
    ),
    "equal_footing.representation_mandates": answer(
        1,
        "Panellists are named with their organizations (Verizon, Brazil's and Sweden's foreign "
        "ministries, a university, AfriNIC, APC); the report does not say how they were chosen "
        "or whom they spoke for.",
        WORKSHOP_REPORT.at("the summary"),
    ),
    "transparency.all_phases": answer(
        2,
        "The report reproduces the agenda written before the session and a transcript is "
        "published; how the organizers settled the programme is not recorded.",
        WORKSHOP_REPORT.at("the agenda and the transcript"),
    ),
    "transparency.public_working_documents": answer(
        2,
        "The recommendations of the Paris WSIS+10 session that the discussion started from are "
        "set out in the agenda; no other working document is mentioned.",
        WORKSHOP_REPORT.at("the agenda"),
    ),
    "transparency.inputs_published": answer(
        2,
        "Comments from the room are summarised in the report and a transcript is published; "
        "the summary does not name who made them.",
        WORKSHOP_REPORT.at("the summary and the transcript"),
    ),
    "transparency.decision_records": answer(
        NOT_APPLICABLE, "A discussion workshop: the report records conclusions, not decisions."
    ),
    "transparency.performance_reporting": answer(
        3,
        "The workshop report, by two named reporters, covers the discussion, the conclusions and "
        "participation figures, once after the event.",
        WORKSHOP_REPORT.at("the whole report"),
    ),
    "bottom_up.open_agenda_setting": answer(
        1,
        "The organizers set the agenda around the Paris recommendations; the audience could "
        "raise its own points in the closing discussion (report, agenda).",
        WORKSHOP_REPORT.at("the agenda"),
    ),
    "bottom_up.agenda_traceability": answer(
        2,
        "The agenda is traced to the seven recommendations of the WSIS+10 session in Paris "
        "(report, agenda), but not how those recommendations were chosen.",
        WORKSHOP_REPORT.at("the agenda"),
    ),
    "bottom_up.self_organization": answer(
        3,
        "Four organizations (APC, the Government of Brazil, ICC BASIS and ISOC) organised the "
        "session, chose its roundtable format and moderators, "
        "and reported back through the IGF workshop report.",
        WORKSHOP_REPORT.at("the organizers and the format"),
    ),
    "bottom_up.distributed_linkages": answer(
        2,
        "The workshop built on the IGF 2012 stock-taking in Baku and the WSIS+10 review event in "
        "Paris (report, description); the report does not say where its own results went.",
        WORKSHOP_REPORT.at("the description"),
    ),
    "due_process.published_procedures": answer(
        1,
        "The agenda gives the running order (moderator, panel, audience), but not how "
        "conclusions are reached.",
        WORKSHOP_REPORT.at("the agenda"),
    ),
    "due_process.consensus_decisions": answer(
        NOT_APPLICABLE, "The workshop takes no decisions: it discusses and reports."
    ),
    "due_process.input_integration": answer(
        2,
        "The report summarises the panellists' examples and the comments from the room and "
        "draws conclusions, without saying which comments shaped them.",
        WORKSHOP_REPORT.at("the summary and the conclusions"),
    ),
    "due_process.conflicts_of_interest": answer(
        1,
        "Panellists' affiliations are stated (report, summary); nothing is said about conflicts "
        "of interest.",
        WORKSHOP_REPORT.at("the summary"),
    ),
    "due_process.capture_safeguards": answer(
        1,
        "The organizers and the moderators are named; the report states no rule limiting any "
        "one group's influence and nothing about funding.",
        WORKSHOP_REPORT.at("the organizers and moderators"),
    ),
    "due_process.review_and_redress": answer(
        NOT_APPLICABLE, "The workshop takes no decision that could be reviewed."
    ),
}

# What each perspective reads differently from the answers above.
PERSPECTIVE_ANSWERS = {
    "civil_society": {
        "openness.open_participation": answer(
            2,
            "The audience joined the discussion (report, agenda), but the organizers chose the "
            "panel and no call for panellists is mentioned.",
            WORKSHOP_REPORT.at("the agenda"),
        ),
        "transparency.public_working_documents": answer(
            1,
            "Only the Paris recommendations are set out, in the agenda; no paper or draft for "
            "the discussion itself is mentioned.",
            WORKSHOP_REPORT.at("the agenda"),
        ),
        "due_process.consensus_decisions": answer(
            1,
            "The report states a consensus that a multistakeholder process must be as "
            "transparent as possible in every phase (conclusions), with no method and no record "
            "of objections.",
            WORKSHOP_REPORT.at("the conclusions"),
        ),
    },
    "government": {
        "openness.open_participation": answer(
            4,
            "An IGF session ending in a discussion with the audience, whose report publishes "
            "attendance by gender, youth and development status (77 in all), so a third party "
            "can confirm that participation was open in practice; the workshop itself set out "
            "to promote awareness of the principles (report, description and statistics).",
            WORKSHOP_REPORT.at("the description and the participation statistics"),
        ),
        "equal_footing.geographic_balance": answer(
            3,
            "The Government of Brazil was among the organizers and on the panel, as was "
            "AfriNIC, even if most participants came from developed countries (report, "
            "statistics).",
            WORKSHOP_REPORT.at("the organizers, the summary and the statistics"),
        ),
        "bottom_up.distributed_linkages": answer(
            3,
            "It took its agenda from the Paris WSIS+10 session and the Baku stock-taking, and "
            "its recommendations name the IGF, the WSIS Action Lines Forum and the CSTD as the "
            "processes the review should involve (report, description and agenda).",
            WORKSHOP_REPORT.at("the description and the agenda"),
        ),
    },
    "technical_community": {
        "equal_footing.participation_statistics": answer(
            3,
            "The report gives figures by development status, gender and youth (38 women, 39 "
            "men, 5 young, 20 from developing and 45 from developed countries, 5 from least "
            "developed countries), reading the question's 'stakeholder group, region or "
            "development status' as alternatives.",
            WORKSHOP_REPORT.at("the participation statistics"),
        ),
        "transparency.public_working_documents": answer(
            3,
            "The one working text, the Paris recommendations, was set out in the agenda before "
            "the session (report, agenda).",
            WORKSHOP_REPORT.at("the agenda"),
        ),
    },
    "private_sector": {
        "transparency.all_phases": answer(
            3,
            "The agenda was written before the session, and both a report and a transcript are "
            "published (report).",
            WORKSHOP_REPORT.at("the agenda and the transcript"),
        ),
        "transparency.inputs_published": answer(
            3,
            "The transcript records every comment from the room, and the report summarises them.",
            WORKSHOP_REPORT.at("the transcript"),
        ),
        "due_process.capture_safeguards": answer(
            2,
            "Four organizations organised the session and the panel came from four stakeholder "
            "groups (report, description), which balances it; no rule or funding is stated.",
            WORKSHOP_REPORT.at("the description"),
        ),
    },
}

# The civil-society assessor's first version, as published; the revision changes these answers
# back to the ones above, each for the reason given.
FIRST_VERSION = {
    "openness.remote_participation": answer(
        NOT_KNOWN, "The report's summary says nothing about remote participation."
    ),
    "equal_footing.participation_statistics": answer(
        NOT_KNOWN, "The report's summary gives no figures on who took part."
    ),
    "transparency.all_phases": answer(
        1,
        "Only the report of the session is public.",
        WORKSHOP_REPORT.at("the whole report"),
    ),
}
REVISION_REASONS = {
    "openness.remote_participation": "correction",
    "equal_footing.participation_statistics": "new_evidence",
    "transparency.all_phases": "correction",
}
