"""Governance processes that are assessed: forums, policy processes, consultations."""
