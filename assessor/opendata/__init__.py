"""Open data: every public judgement as one CSV and one JSON download."""
