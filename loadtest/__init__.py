"""A bounded load run against gunicorn: registrations for the last seats, check-ins and library
searches at once, then the checks that matter (no 5xx, no overbooking, no lost check-in).

    python -m loadtest --database-url postgres://postgres@127.0.0.1:5432/protectnet_load

The command creates the database afresh (it refuses names without "load"), migrates it, builds a
workshop and a library, starts gunicorn in production mode on a free loopback port and fires
real HTTP requests from threads. `tests/load/` runs a small version inside the test suite.
"""
