"""What the identity domain plugs into the GraphQL schema."""

from backend.graphql.schema import DomainAPI
from backend.identity.mutations import IdentityMutations
from backend.identity.queries import IdentityQueries
from backend.identity.rights import ConsentMutations, ConsentQueries
from backend.identity.subscriptions import IdentitySubscriptions
from backend.identity.types import Resident, StaffMember

API = DomainAPI(
    name="identity",
    queries=[IdentityQueries, ConsentQueries],
    mutations=[IdentityMutations, ConsentMutations],
    subscriptions=[IdentitySubscriptions],
    types=[Resident, StaffMember],
)
