"""Pages about the service itself."""
