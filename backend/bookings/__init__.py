"""Online booking (网上预约): slots, bookings, check-in codes, no-shows."""
