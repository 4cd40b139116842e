from . import test_hours
