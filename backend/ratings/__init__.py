"""好差评: ratings of cases and of counter visits, their follow-ups (整改) and figures."""
