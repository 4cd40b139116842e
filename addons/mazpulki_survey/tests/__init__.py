from . import test_youth_survey
