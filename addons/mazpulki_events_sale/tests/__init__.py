from . import test_paid_camp
from . import test_family_paid
from . import test_fee_help
from . import test_waitlist_paid
