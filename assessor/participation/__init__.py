"""Who took part in a process: counts per stage and category, and what they measure.

The judgements of a scorecard say how open a process is; these counts say who was in the
room. The IGF 2013 Workshop #41 report's session form asks for female, male, young,
developing-country, developed-country, LDC and total participants, and the report observes
that participation narrows from agenda-setting to decision-making (docs/participation.md).
"""
