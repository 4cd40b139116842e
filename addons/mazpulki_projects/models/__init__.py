from . import mazpulki_project_theme
from . import mazpulki_project
from . import mazpulki_project_budget_line
from . import mazpulki_project_review
from . import mazpulki_measure
from . import res_users
from . import mazpulki_data_export
from . import res_partner_retention
