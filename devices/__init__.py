"""The counter office's hardware: one small interface per device kind, real drivers and
simulators behind it. The rest of Loket opens a device from its connection string
(:func:`devices.registry.open_device`) and cannot tell which it got."""
