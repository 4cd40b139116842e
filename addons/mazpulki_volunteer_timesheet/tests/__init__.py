from . import test_volunteer_timesheet
