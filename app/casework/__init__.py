"""Issue 6: the casework front-office work."""
