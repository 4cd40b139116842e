from . import mazpulki_event_register
