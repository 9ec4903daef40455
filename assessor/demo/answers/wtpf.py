"""The WTPF-13 forum, as the ITU backgrounders and the Secretary-General's information document
describe it: a civil-society reading. The sources say little about how the forum worked, so
many answers are "insufficient information"."""

from assessor.demo.evidence import (
    ENHANCED_COOPERATION,
    NOT_KNOWN,
    OPEN_TALKS,
    WTPF_BACKGROUNDER,
    answer,
)

ANSWERS = {
    "openness.open_participation": answer(
        1,
        "Some 900 delegates from diverse stakeholder groups attended, including non-ITU Members "
        "(information document, 1.2), but neither source publishes the terms on which anyone "
        "could take part.",
        OPEN_TALKS.at("section 1.2"),
    ),
    "openness.ability_to_contribute": answer(
        2,
        "The government of Brazil submitted a draft Opinion that was discussed at length "
        "(information document, 1.2.1); the sources do not say whether other stakeholder groups "
        "could propose text.",
        OPEN_TALKS.at("section 1.2.1"),
    ),
    "openness.remote_participation": answer(
        NOT_KNOWN, "The sources say nothing about remote participation in the forum."
    ),
    "openness.participation_support": answer(
        2,
        "Non-profit institutions having an international character can request exemption from "
        "ITU membership fees (backgrounder); the sources mention no other support for taking "
        "part in the forum, and no list of who was exempted.",
        WTPF_BACKGROUNDER.at("its last page"),
    ),
    "openness.capacity_building": answer(
        2,
        "ITU published a backgrounder series on the forum's issues, but 'to support media in "
        "their reporting' (backgrounder, disclaimer); the sources mention no briefing or "
        "session for newcomers.",
        WTPF_BACKGROUNDER.at("the disclaimer"),
    ),
    "openness.accessible_participation": answer(
        NOT_KNOWN,
        "Opinion 5 invites work on how to improve the participation of developing-country "
        "stakeholders in Internet governance; the sources report no measure the forum itself "
        "took.",
    ),
    "equal_footing.equal_standing": answer(
        2,
        "Delegates came from diverse stakeholder groups (information document, 1.2), but the "
        "sources publish no rule on who may speak or propose text, and the one proposal they "
        "describe came from a government.",
        OPEN_TALKS.at("sections 1.2 and 1.2.1"),
    ),
    "equal_footing.advisory_group_formation": answer(
        NOT_KNOWN, "The sources say nothing of how any preparatory or steering group was formed."
    ),
    "equal_footing.geographic_balance": answer(
        NOT_KNOWN, "The sources give no breakdown of delegates or chairs by region."
    ),
    "equal_footing.participation_statistics": answer(
        1,
        "Only a total is published: some 900 delegates from diverse stakeholder groups "
        "(information document, 1.2).",
        OPEN_TALKS.at("section 1.2"),
    ),
    "equal_footing.representation_mandates": answer(
        NOT_KNOWN, "The sources name no delegates and say nothing of how they were chosen."
    ),
    "transparency.all_phases": answer(
        1,
        "The outcome, six Opinions adopted by consensus, is public (information document, 1.2); "
        "the sources point to no agenda or record of the sessions.",
        OPEN_TALKS.at("section 1.2"),
    ),
    "transparency.public_working_documents": answer(
        1,
        "The Brazilian draft Opinion is public (information document, 1.2.1); the sources show "
        "no draft of the Opinions the forum adopted.",
        OPEN_TALKS.at("section 1.2.1"),
    ),
    "transparency.inputs_published": answer(
        1,
        "The sources mention one contribution, the Brazilian draft Opinion, and point to no "
        "published set of contributions.",
        OPEN_TALKS.at("section 1.2.1"),
    ),
    "transparency.decision_records": answer(
        2,
        "The six Opinions were adopted by consensus, and the discussion of the Brazilian draft "
        "was carried over for lack of time (information document, 1.2, 1.2.1); nothing more is "
        "recorded of who decided or why.",
        OPEN_TALKS.at("sections 1.2 and 1.2.1"),
    ),
    "transparency.performance_reporting": answer(
        1,
        "The forum's attendance and outcome are summarised in the Secretary-General's later "
        "information document on other consultations (1.2); the sources show no report of its "
        "own.",
        OPEN_TALKS.at("section 1.2"),
    ),
    "bottom_up.open_agenda_setting": answer(
        NOT_KNOWN, "The sources do not say how the forum's topics were chosen."
    ),
    "bottom_up.agenda_traceability": answer(
        NOT_KNOWN, "The sources publish no list of proposals for the forum's agenda."
    ),
    "bottom_up.self_organization": answer(
        NOT_KNOWN, "The sources say nothing of groups formed by participants within the forum."
    ),
    "bottom_up.distributed_linkages": answer(
        2,
        "The discussion of the role of governments was carried to 'various fora' and into the "
        "Secretary-General's informal consultations (information document, 1.2.1, 2.1), and "
        "draft Opinion 6 urges all stakeholders to work on enhanced cooperation (backgrounder).",
        OPEN_TALKS.at("sections 1.2.1 and 2.1"),
        ENHANCED_COOPERATION.at("its last paragraph"),
    ),
    "due_process.published_procedures": answer(
        NOT_KNOWN, "The sources do not describe the forum's rules of procedure."
    ),
    "due_process.consensus_decisions": answer(
        1,
        "The six Opinions were adopted by consensus (information document, 1.2); the sources "
        "describe no method for establishing it and record no objection.",
        OPEN_TALKS.at("section 1.2"),
    ),
    "due_process.input_integration": answer(
        1,
        "Of the Brazilian draft the sources say only that time was too short to consider it and "
        "that the discussion should continue elsewhere (information document, 1.2.1); nothing "
        "says how other input was treated.",
        OPEN_TALKS.at("section 1.2.1"),
    ),
    "due_process.conflicts_of_interest": answer(
        NOT_KNOWN, "The sources say nothing about declarations of interest."
    ),
    "due_process.capture_safeguards": answer(
        NOT_KNOWN, "The sources say nothing about who funded or led the forum."
    ),
    "due_process.review_and_redress": answer(
        NOT_KNOWN, "The sources describe no way to ask for a decision to be reviewed."
    ),
}
