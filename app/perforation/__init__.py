"""Issue 6: the perforation front-office work."""
