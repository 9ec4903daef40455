"""Presentation shared by every page-making domain: charts, numbers and dates in the reader's
language, the words for stored keys, the Jinja filters that use them, and PDF rendering.

It sits below the domains that show results (processes' pages, scorecards, comparisons) and
above the ones whose keys it names (assessments, processes, rubrics).
"""
