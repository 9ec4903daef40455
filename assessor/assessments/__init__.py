"""Assessments of a process against a rubric version, their answers and evidence."""
