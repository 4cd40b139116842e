from . import portal_fee_help
