from . import test_member
from . import test_membership
from . import test_card
from . import test_consent
from . import test_access
from . import test_portal
from . import test_performance
from . import test_i18n
