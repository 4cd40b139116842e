from . import mazpulki_measure, survey_survey
from . import res_partner_retention
