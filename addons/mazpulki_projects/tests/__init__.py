from . import test_workflow
from . import test_access
from . import test_evidence
from . import test_review
from . import test_export
from . import test_measure
from . import test_portal
from . import test_performance
