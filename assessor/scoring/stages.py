"""The stages of a process that a question can concern, in the order a process runs them.

The IGF 2013 Workshop #41 report names three phases and observes that participation narrows from
the first to the last: agenda-setting, policy formulation (drafting) and decision-making. A
question about the process as a whole (its published rules, say) is tagged ``whole_process``.
"""

AGENDA_SETTING = "agenda_setting"
POLICY_FORMULATION = "policy_formulation"
DECISION_MAKING = "decision_making"
WHOLE_PROCESS = "whole_process"

# The phases in the order a process runs them; a later one should not fall below an earlier one.
PHASES = (AGENDA_SETTING, POLICY_FORMULATION, DECISION_MAKING)
STAGES = (*PHASES, WHOLE_PROCESS)
