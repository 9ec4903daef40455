"""What became of a contribution, and which dispositions each rate counts.

The IGF 2013 Workshop #41 report asks that decisions "explain how input was integrated": a
contribution is answered when the process said anything of it, reasoned when it was adopted
(in whole or in part) or declined with a published reason, and taken up when adopted.
"""

ADOPTED = "adopted"
PARTLY_ADOPTED = "partly_adopted"
NOT_ADOPTED_WITH_REASON = "not_adopted_with_reason"
NOT_ADOPTED_WITHOUT_REASON = "not_adopted_without_reason"
NOT_ADDRESSED = "not_addressed"

DISPOSITIONS = (
    ADOPTED,
    PARTLY_ADOPTED,
    NOT_ADOPTED_WITH_REASON,
    NOT_ADOPTED_WITHOUT_REASON,
    NOT_ADDRESSED,
)

# The dispositions each rate counts as a success, by the rate's name.
RESPONDED = frozenset(DISPOSITIONS) - {NOT_ADDRESSED}
REASONED = frozenset({ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED_WITH_REASON})
TAKEN_UP = frozenset({ADOPTED, PARTLY_ADOPTED})
RATES = {"response": RESPONDED, "reasoned_response": REASONED, "uptake": TAKEN_UP}
