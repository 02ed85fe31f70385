"""Cases (办件): what a resident applied for, its state, its history, its receipt."""
