"""The visit at a counter, shared by every area: the current visit, its requirements
checklist, where each piece of stage work is done and which work panels a counter shows."""
