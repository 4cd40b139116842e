from . import account_analytic_line
from . import mazpulki_retention
