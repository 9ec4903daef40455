"""The online crowdsourcing platform opened on 15 October 2013, as the Secretary-General's
information document describes it (section 5): a government reading."""

from assessor.demo.evidence import NOT_APPLICABLE, NOT_KNOWN, OPEN_TALKS, PLATFORM, answer

ANSWERS = {
    "openness.open_participation": answer(
        3,
        "The platform 'offers the opportunity for anyone to participate', and it stays open "
        "after the Council Working Group's meeting of November 2013 (information document, "
        "5.1).",
        OPEN_TALKS.at("section 5.1"),
    ),
    "openness.ability_to_contribute": answer(
        3,
        "Submission is direct and simple, every contribution is published and open to comments "
        "(information document, 5.1), and the complete list of contributions is online.",
        OPEN_TALKS.at("section 5.1"),
        PLATFORM.at("the list of contributions and comments"),
    ),
    "openness.remote_participation": answer(
        4,
        "The whole consultation is online: contributions are published immediately after "
        "submission, open to comment, and may be made anonymously (information document, 5.1).",
        OPEN_TALKS.at("section 5.1"),
    ),
    "openness.participation_support": answer(
        NOT_KNOWN, "The sources mention no support for connectivity or for taking part."
    ),
    "openness.capacity_building": answer(
        NOT_KNOWN,
        "The platform puts two questions (information document, 5.1); the sources mention no "
        "briefing on the issues for contributors.",
    ),
    "openness.accessible_participation": answer(
        2,
        "The platform stays open longer because of the demonstrated interest of the youth "
        "community (information document, 5.1); the sources mention no measure on languages or "
        "for persons with disabilities.",
        OPEN_TALKS.at("section 5.1"),
    ),
    "equal_footing.equal_standing": answer(
        3,
        "Every contributor has the same means to submit, read and comment, whatever their "
        "group, and may stay anonymous (information document, 5.1).",
        OPEN_TALKS.at("section 5.1"),
    ),
    "equal_footing.advisory_group_formation": answer(
        NOT_APPLICABLE,
        "An online platform of the ITU; the sources describe no advisory or steering group.",
    ),
    "equal_footing.geographic_balance": answer(
        NOT_KNOWN,
        "Contributions may be anonymous and the sources give no breakdown of contributors by "
        "region.",
    ),
    "equal_footing.participation_statistics": answer(
        1,
        "No figures are given; diversity is described only in general words, as the interest "
        "of the youth community (information document, 5.1 and section 6).",
        OPEN_TALKS.at("section 5.1 and section 6"),
    ),
    "equal_footing.representation_mandates": answer(
        NOT_KNOWN,
        "Contributors speak for themselves, anonymously if they wish (information document, "
        "5.1); the sources do not say whether the contributions are representative.",
    ),
    "transparency.all_phases": answer(
        2,
        "Contributions and comments are public as they come (information document, 5.1) and "
        "the outcome is reported; how the two questions were set is not.",
        OPEN_TALKS.at("section 5.1"),
    ),
    "transparency.public_working_documents": answer(
        2,
        "Contributions are public on receipt, but the summary drawn from them appears only in "
        "the information document prepared for the Council Working Group.",
        OPEN_TALKS.at("section 5.2"),
    ),
    "transparency.inputs_published": answer(
        3,
        "Contributions were published on the website immediately after submission and are open "
        "to comment, anonymous ones included (information document, 5.1); the complete list is "
        "online.",
        OPEN_TALKS.at("section 5.1"),
        PLATFORM.at("the list of contributions and comments"),
    ),
    "transparency.decision_records": answer(
        NOT_APPLICABLE, "The platform gathers views; it takes no decisions."
    ),
    "transparency.performance_reporting": answer(
        2,
        "The information document reports on the platform's launch, questions and key findings "
        "(section 5), but gives no participation figures.",
        OPEN_TALKS.at("section 5"),
    ),
    "bottom_up.open_agenda_setting": answer(
        1,
        "The two questions were set by the convenor (information document, 5.1); contributors "
        "raise any point within them and comment on others' ideas.",
        OPEN_TALKS.at("section 5.1"),
    ),
    "bottom_up.agenda_traceability": answer(
        0,
        "The two questions come from the Secretary-General's consultations on the role of "
        "governments (information document, 2.1), not from proposals by contributors.",
    ),
    "bottom_up.self_organization": answer(
        1,
        "Contributors discuss each other's ideas in the comments and 'mobilize others to join' "
        "(information document, 5.1); the sources describe no group with a place in the "
        "process.",
        OPEN_TALKS.at("section 5.1"),
    ),
    "bottom_up.distributed_linkages": answer(
        2,
        "The platform's findings go to the Council Working Group on Internet (information "
        "document, section 6); the sources show no input taken from national or regional "
        "initiatives.",
        OPEN_TALKS.at("section 6"),
    ),
    "due_process.published_procedures": answer(
        1,
        "How to contribute is described (two questions, direct submission, an anonymous "
        "option: information document, 5.1), but not how contributions are weighed.",
        OPEN_TALKS.at("section 5.1"),
    ),
    "due_process.consensus_decisions": answer(
        NOT_APPLICABLE, "The platform gathers views; it takes no decisions."
    ),
    "due_process.input_integration": answer(
        2,
        "The information document summarises the themes of the online contributions (5.2) "
        "without saying which were taken up.",
        OPEN_TALKS.at("section 5.2"),
    ),
    "due_process.conflicts_of_interest": answer(
        NOT_KNOWN, "The sources say nothing about declarations of interest."
    ),
    "due_process.capture_safeguards": answer(
        NOT_KNOWN, "The sources describe no safeguard against coordinated contributions."
    ),
    "due_process.review_and_redress": answer(
        NOT_APPLICABLE, "The platform takes no decision that could be reviewed."
    ),
}
