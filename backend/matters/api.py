"""What the matters domain plugs into the GraphQL schema."""

from backend.graphql.schema import DomainAPI
from backend.matters.queries import MatterQueries
from backend.matters.types import Department, Matter

API = DomainAPI(name="matters", queries=[MatterQueries], types=[Matter, Department])
