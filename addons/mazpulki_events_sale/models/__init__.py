from . import event_registration
from . import sale_order
