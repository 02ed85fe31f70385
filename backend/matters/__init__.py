"""Departments and the matters (事项) residents can start at a centre."""
