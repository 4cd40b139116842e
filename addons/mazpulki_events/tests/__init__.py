from . import test_access
from . import test_desk
from . import test_desk_race
from . import test_guardian_portal
from . import test_measure
from . import test_qualification
from . import test_desk_tour
from . import test_bulk_registration
