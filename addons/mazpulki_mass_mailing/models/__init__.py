from . import mazpulki_club
from . import res_partner
from . import res_partner_retention
