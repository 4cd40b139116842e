from . import mazpulki_measure, survey_survey
from . import mazpulki_data_export
from . import res_partner_retention
