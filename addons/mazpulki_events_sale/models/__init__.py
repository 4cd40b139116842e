from . import event_registration
from . import mazpulki_retention
