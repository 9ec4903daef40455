"""The audit trail read back: who changed which record, what and when, for admins."""
