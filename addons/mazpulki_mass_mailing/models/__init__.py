from . import mazpulki_club
from . import res_partner
from . import mailing_mailing
from . import mazpulki_data_export
from . import res_partner_retention
