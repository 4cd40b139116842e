from . import portal
from . import join
from . import reenrolment
from . import data_export
from . import export
