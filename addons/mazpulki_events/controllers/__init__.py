from . import main
from . import portal
from . import website_event
from . import barcode
from . import health
from . import waitlist
