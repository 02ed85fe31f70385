"""GraphQL plumbing only: schema assembly, context, errors, limits, pagination, permissions."""
