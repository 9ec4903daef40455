"""The IGF Town Hall of 25 October 2013, as the Secretary-General's information document
describes it (section 4): a private-sector reading, complete, and a civil-society one still
in progress."""

from assessor.demo.evidence import NOT_APPLICABLE, NOT_KNOWN, OPEN_TALKS, answer

ANSWERS = {
    "openness.open_participation": answer(
        2,
        "Held during IGF 2013 in Bali, it was attended by some 30 participants from civil "
        "society, the private sector, UN agencies and other international organizations and "
        "governments (information document, 4.1); the terms of attendance are not published.",
        OPEN_TALKS.at("section 4.1"),
    ),
    "openness.ability_to_contribute": answer(
        3,
        "After the presentations the floor was opened for the comments and views of the "
        "audience, and the complete discussion is available online (information document, 4.1, "
        "4.2).",
        OPEN_TALKS.at("sections 4.1 and 4.2"),
    ),
    "openness.remote_participation": answer(
        NOT_KNOWN,
        "The sources do not say whether people could take part remotely; the complete "
        "discussion was published online (information document, 4.2).",
    ),
    "openness.participation_support": answer(
        NOT_KNOWN, "The sources mention no support for attending the meeting."
    ),
    "openness.capacity_building": answer(
        2,
        "The meeting opened with an overview of the background and concept of the Open Talks "
        "and a presentation of the Brazilian proposal (information document, 4.1).",
        OPEN_TALKS.at("section 4.1"),
    ),
    "openness.accessible_participation": answer(
        NOT_KNOWN,
        "The sources mention no measure on languages, accessibility or youth for this meeting.",
    ),
    "equal_footing.equal_standing": answer(
        3,
        "Once the introduction was over, the floor was open to the audience of every group, and "
        "the various speakers brought different perspectives (information document, 4.1).",
        OPEN_TALKS.at("section 4.1"),
    ),
    "equal_footing.advisory_group_formation": answer(
        NOT_APPLICABLE,
        "A single meeting held during the IGF; the sources describe no organising group of "
        "its own.",
    ),
    "equal_footing.geographic_balance": answer(
        2,
        "The developing-country perspective was one of the prevailing elements of the "
        "discussion (information document, 4.2); no breakdown of participants by region is "
        "given.",
        OPEN_TALKS.at("section 4.2"),
    ),
    "equal_footing.participation_statistics": answer(
        1,
        "Only a total and the groups present are given: some 30 participants from civil "
        "society, the private sector, UN agencies, international organizations and governments "
        "(information document, 4.1).",
        OPEN_TALKS.at("section 4.1"),
    ),
    "equal_footing.representation_mandates": answer(
        1,
        "The presenter is named with his function, Ambassador of Brazil (information document, "
        "4.1); the other speakers are not, nor whom they spoke for.",
        OPEN_TALKS.at("section 4.1"),
    ),
    "transparency.all_phases": answer(
        2,
        "The meeting's running order is described and the complete discussion is available "
        "online (information document, 4.1, 4.2); nothing shows how its programme was set.",
        OPEN_TALKS.at("sections 4.1 and 4.2"),
    ),
    "transparency.public_working_documents": answer(
        2,
        "The Brazilian proposal presented at the meeting had been submitted to the WTPF in May "
        "2013 (information document, 4.1, 1.2.1); no other working document is mentioned.",
        OPEN_TALKS.at("sections 1.2.1 and 4.1"),
    ),
    "transparency.inputs_published": answer(
        3,
        "The complete discussion, with every comment from the floor, is available online "
        "(information document, 4.2).",
        OPEN_TALKS.at("section 4.2"),
    ),
    "transparency.decision_records": answer(
        NOT_APPLICABLE,
        "The Town Hall took no decisions: it gathered views for the Council Working Group "
        "(information document, section 6).",
    ),
    "transparency.performance_reporting": answer(
        3,
        "The information document reports on the meeting once after it: attendance, the course "
        "of the discussion and its key findings (section 4).",
        OPEN_TALKS.at("section 4"),
    ),
    "bottom_up.open_agenda_setting": answer(
        1,
        "The subject, the role of governments, and the Brazilian presentation were chosen by "
        "the convenor; the audience raised its own points once the floor was opened "
        "(information document, 4.1).",
        OPEN_TALKS.at("section 4.1"),
    ),
    "bottom_up.agenda_traceability": answer(
        0, "The sources show no proposals for the meeting's subject from participants."
    ),
    "bottom_up.self_organization": answer(
        NOT_KNOWN, "The sources say nothing of groups formed by participants at the meeting."
    ),
    "bottom_up.distributed_linkages": answer(
        2,
        "The meeting took the Brazilian proposal from WTPF-13 into the IGF, speakers shared "
        "experience from their countries, and its findings go to the Council Working Group "
        "(information document, 4.1, 4.2 and section 6).",
        OPEN_TALKS.at("sections 4.1, 4.2 and 6"),
    ),
    "due_process.published_procedures": answer(
        1,
        "The running order is described (overview, presentation, open floor: information "
        "document, 4.1), but not how the meeting's findings were drawn up.",
        OPEN_TALKS.at("section 4.1"),
    ),
    "due_process.consensus_decisions": answer(
        NOT_APPLICABLE,
        "No decision was taken; the findings record different views, doubts about the model "
        "included (information document, 4.2).",
    ),
    "due_process.input_integration": answer(
        2,
        "The information document summarises the main themes raised from the floor (4.2) "
        "without saying which were taken up.",
        OPEN_TALKS.at("section 4.2"),
    ),
    "due_process.conflicts_of_interest": answer(
        NOT_KNOWN, "The sources say nothing about declarations of interest."
    ),
    "due_process.capture_safeguards": answer(
        NOT_KNOWN, "The sources say nothing about who funded or led the meeting."
    ),
    "due_process.review_and_redress": answer(
        NOT_APPLICABLE, "The Town Hall took no decision that could be reviewed."
    ),
}

# The demo assessor's draft: the first pillar under way, one evidence row still lacking its
# title, which the questionnaire shows with what it lacks.
DRAFT_ANSWERS = {
    "openness.open_participation": answer(
        2,
        "Some 30 participants from several stakeholder groups attended (information document, "
        "4.1), and the meeting asked whether more stakeholder groups could take part physically "
        "in the Council Working Group's meetings (4.2); the terms of attendance are not "
        "published.",
        OPEN_TALKS.at("sections 4.1 and 4.2"),
    ),
    "openness.ability_to_contribute": answer(
        3,
        "The floor was opened for the comments and views of the audience after the "
        "presentations (information document, 4.1).",
        OPEN_TALKS.at("section 4.1").untitled(),
    ),
    "openness.remote_participation": ANSWERS["openness.remote_participation"],
    "openness.participation_support": answer(
        NOT_KNOWN,
        "Civil society speakers asked states to support their participation, including "
        "through funding (information document, 4.2); the sources mention no support for "
        "attending this meeting.",
    ),
}
