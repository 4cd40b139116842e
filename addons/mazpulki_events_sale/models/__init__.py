from . import event_registration
from . import mazpulki_data_export
from . import res_partner_retention
from . import sale_order
from . import mazpulki_event_waitlist
