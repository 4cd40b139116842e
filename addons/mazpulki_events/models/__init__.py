from . import event_type
from . import event_event
from . import event_registration
from . import mazpulki_event_attendance
from . import mazpulki_event_desk_scan
from . import mazpulki_leader_qualification
from . import mazpulki_measure
from . import res_users
