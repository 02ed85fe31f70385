"""Tongban (通办): back office for Shanghai community affairs acceptance centres."""
