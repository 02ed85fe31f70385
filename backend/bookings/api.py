"""What the bookings domain plugs into the GraphQL schema."""

from backend.bookings.mutations import BookingMutations
from backend.bookings.queries import BookingQueries
from backend.bookings.subscriptions import BookingSubscriptions
from backend.bookings.types import Booking, QueueTicket
from backend.graphql.schema import DomainAPI

API = DomainAPI(
    name="bookings",
    queries=[BookingQueries],
    mutations=[BookingMutations],
    subscriptions=[BookingSubscriptions],
    types=[Booking, QueueTicket],
)
