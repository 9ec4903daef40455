"""Saving an answer inside the caller's transaction: a lost race undoes that save alone."""

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.assessments.answers import StaleAnswer, save_answer
from assessor.assessments.models import Answer, Assessment
from assessor.assessments.service import answer_for, start_assessment
from assessor.db import db
from assessor.processes.models import Process
from assessor.users.models import User
from tests.factories import stored_process, stored_rubric, stored_user

KEY = "openness.open_participation"


def answer_data(level: int) -> dict:
    return {
        "level": level,
        "not_applicable": False,
        "insufficient_information": False,
        "rationale": "",
        "change_reason": None,
        "version": None,
        "evidence": [],
    }


def test_a_first_save_that_loses_the_race_shows_the_winner_and_keeps_the_callers_work(session):
    rubric, process = stored_rubric(session), stored_process(session, name="Before")
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    data = {"process_id": process.id, "rubric": rubric.label, "perspective": None}
    assessment = start_assessment(session, assessor, data)
    session.commit()
    assert answer_for(assessment, KEY) is None
    # Another process saves the same question first, after this one read the answers.
    with Session(db.engine) as other:
        winner = other.get(Assessment, assessment.id), other.get(User, assessor.id)
        save_answer(other, winner[1], winner[0], KEY, answer_data(2))
        other.commit()
    process.name = "Renamed"
    session.flush()
    with pytest.raises(StaleAnswer) as lost:
        save_answer(session, assessor, assessment, KEY, answer_data(4))
    assert lost.value.stored.level == 2
    session.commit()
    with db.engine.connect() as connection:
        assert connection.scalar(select(Process.name).where(Process.id == process.id)) == "Renamed"
        saved = select(Answer.level).where(Answer.assessment_id == assessment.id)
        assert connection.scalars(saved).all() == [2]
