"""The Qt stations: thin widgets over the services of ``app/``; no SQL, no tax arithmetic."""
