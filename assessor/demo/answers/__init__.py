"""The demo answers, one module per demo process."""
