"""The pages of processes: the searchable list, a process with its assessments and their
scores, its perspectives and history of revisions, and the forms that describe a process.

Apart from ``processes``, which holds the process records that assessments refer to: these
pages show assessments' results, so they sit above assessments.
"""
