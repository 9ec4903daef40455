"""What a reviewer is shown before publishing: the participation counts the scorecard will keep,
and the answers those counts contradict (participation.consistency)."""

from typing import Any

from sqlalchemy.orm import Session

from assessor.assessments.models import Assessment
from assessor.participation.consistency import consistency_flags, flag_data
from assessor.participation.profiles import participation_profile
from assessor.participation.published import current_versions, stage_counts


def answered_levels(assessment: Assessment) -> dict[str, int]:
    """The level of each answer given at a level."""
    return {
        answer.question_key: answer.level
        for answer in assessment.answers
        if answer.level is not None
        and not answer.not_applicable
        and not answer.insufficient_information
    }


def publication_check(session: Session, assessment: Assessment) -> dict[str, Any]:
    """The records published for the process now, which publishing would keep, and the flags
    their counts raise on the assessment's answers."""
    versions = current_versions(session, assessment.process_id)
    profile = participation_profile(stage_counts(versions))
    national = assessment.process.scope == "national"
    flags = consistency_flags(answered_levels(assessment), profile, national=national)
    return {"records": len(versions), "flags": [flag_data(flag) for flag in flags]}
