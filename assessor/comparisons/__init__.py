"""Comparing published scorecards of one rubric, side by side, on the page and in exports."""
