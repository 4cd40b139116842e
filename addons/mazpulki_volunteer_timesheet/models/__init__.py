from . import account_analytic_line
from . import res_partner_retention
