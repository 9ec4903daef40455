"""People who use the service, their roles and stakeholder group."""
