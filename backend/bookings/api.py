"""What the bookings domain plugs into the GraphQL schema."""

from backend.bookings.mutations import BookingMutations
from backend.bookings.queries import BookingQueries
from backend.bookings.types import Booking
from backend.graphql.schema import DomainAPI

API = DomainAPI(
    name="bookings",
    queries=[BookingQueries],
    mutations=[BookingMutations],
    types=[Booking],
)
