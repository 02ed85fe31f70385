"""What the centres domain plugs into the GraphQL schema."""

from backend.centres.queries import CentreQueries
from backend.centres.types import Centre
from backend.graphql.schema import DomainAPI

API = DomainAPI(name="centres", queries=[CentreQueries], types=[Centre])
