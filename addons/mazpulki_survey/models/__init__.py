from . import mazpulki_measure, survey_survey
