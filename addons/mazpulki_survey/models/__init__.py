from . import mazpulki_measure, survey_survey
from . import mazpulki_retention
