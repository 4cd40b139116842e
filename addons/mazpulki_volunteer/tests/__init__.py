from . import test_access, test_awards, test_hours, test_measures, test_portal, test_shifts
from . import test_demo
