"""Issue 6: the samsat front-office work."""
