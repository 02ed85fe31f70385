"""What the account domain plugs into the GraphQL schema."""

from backend.account.mutations import AccountMutations
from backend.account.queries import AccountQueries
from backend.graphql.schema import DomainAPI

API = DomainAPI(name="account", queries=[AccountQueries], mutations=[AccountMutations])
