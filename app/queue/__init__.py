"""The queue engine: tickets, daily numbering, priority, multi-stage visits, counter actions,
estimated waits, time standards, recovery and live events. No Qt in here."""
