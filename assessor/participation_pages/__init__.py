"""Pages recording a process's participation: its records, their form, CSV imports and
templates."""
