from . import account_analytic_account
from . import mazpulki_measure
from . import mazpulki_strategy_area
from . import mazpulki_strategy_target
from . import mazpulki_strategy_entry
from . import mazpulki_strategy_snapshot
from . import mazpulki_strategy_board
from . import mazpulki_strategy_board_xlsx
