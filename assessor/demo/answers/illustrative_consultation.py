"""An invented national consultation, assessed on rubric 1.1.0: open while the agenda is set
and the bill drafted, closed when a ministerial committee decides. No source describes such a
process, so it is marked illustrative wherever it shows; the stage matrix flags its
decision-making below its agenda-setting."""

from assessor.demo.evidence import ILLUSTRATIVE_RECORD, NOT_APPLICABLE, NOT_KNOWN, answer

RECORD = ILLUSTRATIVE_RECORD
NO_STANDING_GROUP = "Illustrative. The consultation has no standing advisory or steering group."

ANSWERS = {
    "openness.open_participation": answer(
        2,
        "Illustrative. Anyone could register for the agenda and drafting rounds, but the "
        "ministerial committee that adopted the bill met in closed session with no published "
        "reason.",
        RECORD.at("the registration page and the committee's notice"),
    ),
    "openness.ability_to_contribute": answer(
        2,
        "Illustrative. Calls for topics and for comments on the draft were open to all; nothing "
        "could be submitted once the committee took the text.",
        RECORD.at("the calls for input"),
    ),
    "openness.remote_interventions": answer(
        3,
        "Illustrative. A remote moderator took online interventions in every public hearing.",
        RECORD.at("the hearing transcripts"),
    ),
    "openness.anonymous_contribution": answer(
        NOT_KNOWN, "Illustrative. The record does not say whether comments could be anonymous."
    ),
    "openness.participation_support": answer(
        1, "Illustrative. A few travel grants were given, with no published criteria."
    ),
    "openness.capacity_building": answer(
        3,
        "Illustrative. Plain-language briefs on each chapter of the bill and two newcomer "
        "sessions were published.",
        RECORD.at("the briefing page"),
    ),
    "openness.developing_country_access": answer(
        NOT_KNOWN,
        "Illustrative. The record says nothing of languages or low-bandwidth options outside "
        "the capital.",
    ),
    "openness.youth_access": answer(
        2,
        "Illustrative. One youth hearing was held, with no role in drafting.",
        RECORD.at("the hearing programme"),
    ),
    "openness.disability_access": answer(
        1, "Illustrative. Only the opening hearing was captioned; no documents were accessible."
    ),
    "equal_footing.equal_standing": answer(
        2,
        "Illustrative. Every group could speak and comment in the hearings, but only ministries "
        "sat on the committee that decided.",
        RECORD.at("the rules of the hearings"),
    ),
    "equal_footing.advisory_group_selection": answer(NOT_APPLICABLE, NO_STANDING_GROUP),
    "equal_footing.advisory_group_balance": answer(NOT_APPLICABLE, NO_STANDING_GROUP),
    "equal_footing.advisory_group_mandate": answer(NOT_APPLICABLE, NO_STANDING_GROUP),
    "equal_footing.regional_participation": answer(
        3,
        "Illustrative. Hearings were held in four regions and the attendance figures show each "
        "region taking part.",
        RECORD.at("the attendance report"),
    ),
    "equal_footing.leadership_balance": answer(
        0,
        "Illustrative. Every member of the deciding committee came from the capital's ministries.",
        RECORD.at("the committee's membership"),
    ),
    "equal_footing.participation_statistics": answer(
        3,
        "Illustrative. Attendance by stakeholder group, region, gender and age was published "
        "for each hearing.",
        RECORD.at("the attendance report"),
    ),
    "equal_footing.representative_accountability": answer(
        1,
        "Illustrative. Committee members' names are published, but not how they were chosen or "
        "whom they answer to.",
    ),
    "equal_footing.representativeness_review": answer(
        NOT_KNOWN, "Illustrative. The record does not say whether representativeness was reviewed."
    ),
    "transparency.all_phases": answer(
        2,
        "Illustrative. Hearings were streamed and transcribed; the committee published no minutes.",
        RECORD.at("the transcripts"),
    ),
    "transparency.public_working_documents": answer(
        4,
        "Illustrative. Each draft was published with a change log while comments were open.",
        RECORD.at("the drafts and change logs"),
    ),
    "transparency.inputs_published": answer(
        4,
        "Illustrative. Every topic proposal and comment was published with its author and date, "
        "with the rule for what was considered.",
        RECORD.at("the contributions archive"),
    ),
    "transparency.decision_records": answer(
        0, "Illustrative. The committee published the adopted bill only: no record of how or why."
    ),
    "transparency.performance_reporting": answer(
        2,
        "Illustrative. A closing report covers the hearings but not the committee's stage.",
        RECORD.at("the closing report"),
    ),
    "bottom_up.open_agenda_setting": answer(
        4,
        "Illustrative. Anyone could propose topics through a published procedure, and the "
        "proposals are archived.",
        RECORD.at("the call for topics"),
    ),
    "bottom_up.agenda_traceability": answer(
        3,
        "Illustrative. The hearing programme links each session to the proposals it took up, "
        "with reasons for those merged.",
        RECORD.at("the hearing programme"),
    ),
    "bottom_up.self_organization": answer(
        2,
        "Illustrative. Participants formed caucuses, but the convenor chose their coordinators.",
        RECORD.at("the caucus notes"),
    ),
    "bottom_up.distributed_linkages": answer(
        NOT_KNOWN, "Illustrative. The record does not mention regional or international links."
    ),
    "due_process.published_procedures": answer(
        2,
        "Illustrative. Rules for the hearings were published in advance; how the committee "
        "would decide was not.",
        RECORD.at("the rules of the hearings"),
    ),
    "due_process.consensus_decisions": answer(
        0, "Illustrative. The committee's decision method is not documented anywhere."
    ),
    "due_process.input_integration": answer(
        1, "Illustrative. The adopted bill came with no account of how the comments were used."
    ),
    "due_process.conflicts_of_interest": answer(
        NOT_KNOWN, "Illustrative. The record says nothing about declarations of interest."
    ),
    "due_process.capture_safeguards": answer(
        1, "Illustrative. Nothing limits any group's share of seats or roles."
    ),
    "due_process.review_and_redress": answer(
        0, "Illustrative. There is no way to ask for the committee's decision to be reviewed."
    ),
}
