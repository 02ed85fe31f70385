"""What the ratings domain plugs into the GraphQL schema."""

from backend.graphql.schema import DomainAPI
from backend.ratings.mutations import RatingMutations
from backend.ratings.queries import RatingQueries
from backend.ratings.types import Rating, RatingFollowUp

API = DomainAPI(
    name="ratings",
    queries=[RatingQueries],
    mutations=[RatingMutations],
    types=[Rating, RatingFollowUp],
)
