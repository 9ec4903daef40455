"""A question's score from its answer, at the low end of the range (method 1's score) and at
the high end."""

from .inputs import Answer

# What an unknown scores at the high end of the range: every unknown met.
UNKNOWN_MET = 100.0


def question_score(answer: Answer) -> float | None:
    """s_q = 100 * L / 4; insufficient information scores 0; not applicable and missing: None."""
    # Insufficient information scores 0 because the burden of showing that a principle is met
    # lies with the process being assessed.
    if answer.level is not None:
        return 100 * answer.level / 4
    return 0.0 if answer.insufficient_information else None


def high_question_score(answer: Answer) -> float | None:
    """A question's score at the high end: an unknown counts as met, the rest as in method 1."""
    return UNKNOWN_MET if answer.insufficient_information else question_score(answer)
