from . import event_registration
from . import res_partner_retention
