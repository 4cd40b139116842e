from . import mazpulki_event_register
from . import mazpulki_event_health_incident
