from . import (
    test_access,
    test_demo,
    test_drift,
    test_family_data,
    test_i18n,
    test_measure,
    test_meeting,
    test_portal,
    test_roll_call,
    test_roll_call_tour,
)
