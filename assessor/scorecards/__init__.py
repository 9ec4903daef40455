"""Scorecards: an assessment's scores, explained, as data for the API, pages and PDFs."""
