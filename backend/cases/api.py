"""What the cases domain plugs into the GraphQL schema."""

from backend.cases.mutations import CaseMutations
from backend.cases.queries import CaseQueries
from backend.cases.subscriptions import CaseSubscriptions
from backend.cases.types import Case
from backend.graphql.schema import DomainAPI

API = DomainAPI(
    name="cases",
    queries=[CaseQueries],
    mutations=[CaseMutations],
    subscriptions=[CaseSubscriptions],
    types=[Case],
)
