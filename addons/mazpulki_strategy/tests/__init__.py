from . import test_board
from . import test_entry
from . import test_funding
from . import test_books
from . import test_board_ui
from . import test_i18n
