from . import mazpulki_project_decision
from . import mazpulki_project_export
