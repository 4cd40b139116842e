from . import account_analytic_line
