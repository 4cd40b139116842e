from . import mazpulki_card_report
from . import mazpulki_certificate_report
