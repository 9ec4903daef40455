"""The World Café of 8 October 2013, as the Secretary-General's information document describes
it (sections 2 and 3): a technical-community reading."""

from assessor.demo.evidence import NOT_APPLICABLE, NOT_KNOWN, OPEN_TALKS, answer

ANSWERS = {
    "openness.open_participation": answer(
        2,
        "The consultations used 'informal, open and inclusive' formats (information document, "
        "2.2) and the World Café assembled about 50 representatives of different stakeholders, "
        "ITU members and non-members (3.1.1); how one could register is not published.",
        OPEN_TALKS.at("sections 2.2 and 3.1.1"),
    ),
    "openness.ability_to_contribute": answer(
        3,
        "Every participant could add ideas on the notes placed around the room, and all 105 "
        "ideas were counted per conversation and listed in the full World Café report "
        "(information document, 3.2.1).",
        OPEN_TALKS.at("section 3.2.1"),
    ),
    "openness.remote_participation": answer(
        0,
        "The sources describe an in-person session at ITU headquarters in Geneva; the online "
        "platform was a separate format of the consultations (information document, 2.3).",
        OPEN_TALKS.at("section 2.3"),
    ),
    "openness.participation_support": answer(
        NOT_KNOWN,
        "The sources mention no support for attending the World Café; funding appears only "
        "among its participants' suggestions to governments (information document, 3.2.4).",
    ),
    "openness.capacity_building": answer(
        NOT_KNOWN, "The sources describe no briefing or orientation for participants."
    ),
    "openness.accessible_participation": answer(
        NOT_KNOWN,
        "The sources mention no measure on languages, accessibility or youth for this session.",
    ),
    "equal_footing.equal_standing": answer(
        3,
        "Participants of every group sat at the same small tables in rotating rounds, and the "
        "two town-hall-style discussions were open to all (information document, 3.1.1); the "
        "sources describe no role reserved to one group.",
        OPEN_TALKS.at("section 3.1.1"),
    ),
    "equal_footing.advisory_group_formation": answer(
        NOT_APPLICABLE,
        "A single session convened by the Secretary-General; the sources describe no advisory "
        "or organising group.",
    ),
    "equal_footing.geographic_balance": answer(
        NOT_KNOWN, "The sources give no breakdown of participants by region."
    ),
    "equal_footing.participation_statistics": answer(
        1,
        "Only a total is given, about 50 representatives (information document, 3.1.1), with "
        "the number of ideas per conversation (3.2.1).",
        OPEN_TALKS.at("sections 3.1.1 and 3.2.1"),
    ),
    "equal_footing.representation_mandates": answer(
        NOT_KNOWN, "The sources do not say who the participants were or whom they spoke for."
    ),
    "transparency.all_phases": answer(
        2,
        "The format and its three guiding questions are public, and the outcome is summarised "
        "with a full World Café report (information document, 3.1.1, 3.2.1); nothing shows how "
        "the questions were chosen.",
        OPEN_TALKS.at("sections 3.1.1 and 3.2.1"),
    ),
    "transparency.public_working_documents": answer(
        2,
        "During the session, the ideas were posted around the room for everyone to consider "
        "(information document, 3.2.1); no other working document is mentioned.",
        OPEN_TALKS.at("section 3.2.1"),
    ),
    "transparency.inputs_published": answer(
        2,
        "All 105 ideas are listed in the full World Café report (information document, 3.2.1), "
        "without their authors, and no rule says how they were summarised.",
        OPEN_TALKS.at("section 3.2.1"),
    ),
    "transparency.decision_records": answer(
        NOT_APPLICABLE,
        "The World Café took no decisions: it gathered views for the Council Working Group "
        "(information document, section 6).",
    ),
    "transparency.performance_reporting": answer(
        3,
        "The information document reports, once after the event, on its format, attendance and "
        "the ideas gathered (sections 3.1 and 3.2).",
        OPEN_TALKS.at("section 3"),
    ),
    "bottom_up.open_agenda_setting": answer(
        1,
        "The three guiding questions were set by the convenor (information document, 3.1.1); "
        "participants raised their own ideas within them and connected them in two "
        "town-hall-style discussions.",
        OPEN_TALKS.at("section 3.1.1"),
    ),
    "bottom_up.agenda_traceability": answer(
        0,
        "The sources show the questions set by the convenor and no list of proposals from "
        "participants.",
    ),
    "bottom_up.self_organization": answer(
        2,
        "Participants discussed in small groups around tables, in a rotating manner, within the "
        "rounds and questions the format set (information document, 3.1.1).",
        OPEN_TALKS.at("section 3.1.1"),
    ),
    "bottom_up.distributed_linkages": answer(
        2,
        "The session continued the discussion begun at WTPF-13, and its ideas go to the Council "
        "Working Group on Internet (information document, 2.1 and section 6).",
        OPEN_TALKS.at("section 2.1 and section 6"),
    ),
    "due_process.published_procedures": answer(
        1,
        "The format is described (rotating tables, three rounds, two town-hall-style "
        "discussions: information document, 3.1.1), but not how its findings were drawn up.",
        OPEN_TALKS.at("section 3.1.1"),
    ),
    "due_process.consensus_decisions": answer(
        NOT_APPLICABLE,
        "No decision was taken; the town-hall-style discussions identified common opinions and "
        "shared different views (information document, 3.1.1).",
    ),
    "due_process.input_integration": answer(
        2,
        "The information document summarises the main themes of the ideas per conversation "
        "(3.2.2 to 3.2.4) without saying which the consultations took up.",
        OPEN_TALKS.at("sections 3.2.2 to 3.2.4"),
    ),
    "due_process.conflicts_of_interest": answer(
        NOT_KNOWN, "The sources say nothing about declarations of interest."
    ),
    "due_process.capture_safeguards": answer(
        NOT_KNOWN, "The sources say nothing about who funded or led the session."
    ),
    "due_process.review_and_redress": answer(
        NOT_APPLICABLE, "The World Café took no decision that could be reviewed."
    ),
}
