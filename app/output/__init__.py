"""What leaves the office on paper and devices: queue tickets through the spool to the
printer, and the configured devices of the stations with their state."""
