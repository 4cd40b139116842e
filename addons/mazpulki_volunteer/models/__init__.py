from . import (
    mazpulki_volunteer_team,
    mazpulki_volunteer_activity,
    mazpulki_volunteer,
    account_analytic_line,
    mazpulki_volunteer_shift,
    mazpulki_volunteer_award,
    mazpulki_measure,
    res_partner,
    res_config_settings,
    res_users,
)
from . import mazpulki_data_export
from . import res_partner_retention
from . import mazpulki_volunteer_shift_qualification
