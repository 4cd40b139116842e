from . import test_access, test_hours, test_measures, test_shifts
