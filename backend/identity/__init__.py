"""Real-name identity (实名认证): residents, staff, sign-in, sessions and tokens."""
