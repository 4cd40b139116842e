from . import mazpulki_card_revoke
from . import mazpulki_transfer_request
from . import portal_wizard
from . import mazpulki_guardian_proof
from . import mazpulki_erasure_wizard
