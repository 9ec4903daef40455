"""The assessment overview page: shown by the assessment's own page and, with what went
wrong, by the workflow actions and replies posted from it."""

from flask import render_template, request

from assessor.assessments.access import sees_all_assessments
from assessor.assessments.progress import overall_completeness, pillar_progress
from assessor.assessments.replies import may_reply
from assessor.assessments.rubric_reading import question_titles, rubric_reading
from assessor.assessments.workflow import available_actions
from assessor.db import db
from assessor.languages.messages import translated_fields
from assessor.processes.versions import shown_record
from assessor.stakeholders import stakeholder_label
from assessor.users.current import signed_in_user


def render_overview(
    assessment,
    problems: dict | None = None,
    status: int = 200,
    reply_errors: dict | None = None,
    reply_text: str = "",
):
    """The overview page; ``problems`` lists what blocks submission, each linked."""
    user = signed_in_user()
    reading = rubric_reading(assessment.rubric)
    progress = pillar_progress(assessment, reading.language)
    may_see_comments = user is not None and (
        user.id == assessment.assessor_id or sees_all_assessments(user)
    )
    open_comments = (
        [c for c in assessment.comments if c.resolved_at is None] if may_see_comments else []
    )
    return render_template(
        "assessments/show.html",
        assessment=assessment,
        process=shown_record(assessment.process, assessment.process_version),
        progress=progress,
        completeness=overall_completeness(progress),
        perspective_label=stakeholder_label(assessment.perspective),
        actions=available_actions(user, assessment),
        question_titles=question_titles(assessment),
        open_comments=open_comments,
        reading=reading,
        problems=translated_fields(problems or {}),
        may_reply=may_reply(db.session, user, assessment),
        reply_errors=reply_errors or {},
        reply_text=reply_text,
        # What was just done (see review_views), said with where the public reads it.
        done=request.args.get("done"),
    ), status
