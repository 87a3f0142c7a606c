"""Demo and bench builders: fictitious data written through the apps' services and models.

Not product code: this package imports the apps, and no app imports it. `manage.py load_demo`
loads one module per area; `bench/` holds the builders `make bench` and `python -m loadtest`
call, each also runnable on its own (`python -m protectnet.demo.bench.audit`, ...).
"""
