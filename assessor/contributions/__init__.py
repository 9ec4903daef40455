"""How input was taken into account: the contributions a process received, what became of each,
and the rates that say which groups' input was answered and adopted (docs/contributions.md).
"""
