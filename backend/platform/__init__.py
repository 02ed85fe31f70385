"""Shared infrastructure: errors, broker, clock, holidays, geography."""
