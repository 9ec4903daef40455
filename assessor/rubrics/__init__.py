"""Rubrics: immutable versions of pillars, questions, level descriptors and sources."""
