from . import test_access, test_awards, test_hour_line_integrity, test_hours, test_measures, test_portal, test_shifts
from . import test_date_columns
from . import test_demo
from . import test_qualification
