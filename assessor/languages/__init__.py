"""Languages of the interface, of rubric text and of rendered scorecards."""
