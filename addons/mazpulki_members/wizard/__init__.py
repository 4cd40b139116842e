from . import mazpulki_card_revoke
from . import portal_wizard
