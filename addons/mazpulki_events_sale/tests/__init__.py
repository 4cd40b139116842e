from . import test_paid_camp
