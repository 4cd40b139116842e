from . import event_registration
from . import mazpulki_data_export
from . import res_partner_retention
from . import sale_order
from . import product_pricelist
from . import mazpulki_fee_help
from . import sale_order_line
from . import mazpulki_measure
