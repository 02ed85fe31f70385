"""Developer conveniences that production turns off: GraphiQL at GET /graphql, schema
introspection, and "Did you mean ...?" suggestions in validation errors. Each is a map of
the API for whoever asks; in development they are what makes the API easy to explore.

Each setting (TONGBAN_GRAPHIQL, TONGBAN_INTROSPECTION, TONGBAN_FIELD_SUGGESTIONS) is true,
false, or unset; unset means on for the embedded default (a SQLite database, what
`scripts/run` gives a newcomer) and off for anything else.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.settings import Settings

_SWITCHES = "TONGBAN_GRAPHIQL, TONGBAN_INTROSPECTION and TONGBAN_FIELD_SUGGESTIONS"


@dataclass(frozen=True)
class DeveloperTools:
    graphiql: bool
    introspection: bool
    field_suggestions: bool

    def enabled(self) -> list[str]:
        names = {
            "GraphiQL": self.graphiql,
            "introspection": self.introspection,
            "field suggestions": self.field_suggestions,
        }
        return [name for name, on in names.items() if on]


def is_embedded(settings: Settings) -> bool:
    return settings.database_url.startswith("sqlite")


def developer_tools(settings: Settings) -> DeveloperTools:
    embedded = is_embedded(settings)

    def on(value: bool | None) -> bool:
        return embedded if value is None else value

    return DeveloperTools(
        graphiql=on(settings.graphiql),
        introspection=on(settings.introspection),
        field_suggestions=on(settings.field_suggestions),
    )


def startup_notice(settings: Settings) -> str | None:
    """One log line when any of them is on; None when all are off."""
    enabled = developer_tools(settings).enabled()
    if not enabled:
        return None
    names = ", ".join(enabled[:-1]) + " and " + enabled[-1] if len(enabled) > 1 else enabled[0]
    verb = "are" if len(enabled) > 1 else "is"
    mode = "development mode" if is_embedded(settings) else "not for production"
    return (
        f"{mode}: {names} {verb} on; production sets {_SWITCHES} to false "
        "(unset, they are off whenever TONGBAN_DATABASE_URL is not SQLite)"
    )
